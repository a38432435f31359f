import type { Session } from 'electron';

/**
 * The renderer's Content-Security-Policy, the same as the meta tag in src-renderer/index.html: only
 * our own scripts and styles, no network (the main process owns it), no plugins, no forms, no base
 * rewriting. Sent as a header too, so a page that lost its meta tag is still covered.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

/** Adds the policy to every response the window's session receives. */
export function enforceContentSecurityPolicy(target: Session): void {
  target.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}
