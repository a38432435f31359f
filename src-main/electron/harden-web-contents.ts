import { shell, type Session, type WebContents } from 'electron';

/**
 * The renderer is a single-page app: it never navigates, opens windows or
 * embeds webviews. Anything that tries is either a link the engineer clicked
 * (opened in the system browser if it is https) or something hostile (denied).
 */
export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    openInSystemBrowserIfHttps(url);
    return { action: 'deny' };
  });

  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openInSystemBrowserIfHttps(url);
  });

  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Camera, microphone, geolocation, notifications from the page: none are needed. */
export function denyAllPermissions(target: Session): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
}

function openInSystemBrowserIfHttps(rawUrl: string): void {
  // URL parsing, not string prefix checks: "https:" must be the real protocol.
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return;
  }
  if (url.protocol !== 'https:') return;
  // Reviewed: only a parsed https: URL reaches the system browser, never file:, smb: or a custom scheme.
  shell.openExternal(url.toString()).catch((error: unknown) => { // eng-disable OPEN_EXTERNAL_JS_CHECK
    console.warn('Could not open external link:', error);
  });
}
