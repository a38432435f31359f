import type { Plugin } from 'vite';

/**
 * The renderer's Content-Security-Policy is strict (`script-src 'self'`), which
 * the dev server cannot live with: React Fast Refresh injects an inline module
 * preamble, Vite injects CSS as <style> tags and HMR talks over a websocket.
 * This plugin loosens exactly those three in `serve` mode; builds are untouched.
 */
export function relaxCspInDev(): Plugin {
  return {
    name: 'support-agent:relax-csp-in-dev',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace(/content="([^"]*default-src[^"]*)"/, (_match, policy: string) => {
        const relaxed = policy
          .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
          .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
          .replace("connect-src 'self'", "connect-src 'self' ws: http://localhost:* http://127.0.0.1:*");
        return `content="${relaxed}"`;
      });
    },
  };
}
