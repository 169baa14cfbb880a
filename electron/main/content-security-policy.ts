// The Content-Security-Policy for the renderer, shared by the desktop app's app:// protocol and
// the browser host's responses, so both run the UI under the same rules.
//
// style-src is 'self' without 'unsafe-inline': Vite emits the nhsuk-frontend and app styles as
// .css files, and React applies `style` props through the CSSOM (element.style), which CSP
// does not restrict. Only inline <style> blocks and style="" attributes in HTML are refused,
// and the app writes neither.
// font-src 'self' means nhsuk-frontend's Frutiger web font (served from assets.nhs.uk) is not
// fetched: the app works offline and falls back to Arial, as the NHS design system specifies.

export type ContentSecurityPolicyOptions = {
  /**
   * Lets the page fetch from its own origin (the default). The browser host needs it, as its
   * API is HTTP on the same origin; the desktop app talks over IPC only and turns it off.
   */
  allowConnectSelf?: boolean;
};

export function contentSecurityPolicy({
  allowConnectSelf = true,
}: ContentSecurityPolicyOptions = {}): string {
  const directives: Array<[string, string]> = [
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['style-src', "'self'"],
    ['img-src', "'self' data:"],
    ['font-src', "'self'"],
    ['connect-src', allowConnectSelf ? "'self'" : "'none'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['frame-ancestors', "'none'"],
  ];
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}
