// The one page a PDF print may load: the report's bytes at one fixed address on a scheme of its own, under a CSP that lets nothing else in.
export const PRINT_SCHEME = 'newsdesk-print';
export const PRINT_URL = `${PRINT_SCHEME}://report/index.html`;

/** Inline styles only: the report is one self-contained file (core/exporters/report-html.ts), and JavaScript is off as well. */
export const PRINT_CSP = "default-src 'none'; style-src 'unsafe-inline'";

/** The answer to a request in the printing session: the report for PRINT_URL, 404 for anything else. */
export function printResponse(url: string, report: Uint8Array): Response {
  if (url !== PRINT_URL)
    return new Response('Not found', { status: 404, headers: { 'Content-Security-Policy': PRINT_CSP } });
  return new Response(report, {
    status: 200,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': PRINT_CSP,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/** What the printing session lets through: its one page; every other request is cancelled. */
export function isPrintRequest(url: string): boolean {
  return url === PRINT_URL;
}
