// JSON over node:http for both listeners (the UI's `serve` and the clipper's): answers, refusals of what is not HTTP, and the request target as a URL.
import { STATUS_CODES, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(json),
  });
  res.end(json);
}

/**
 * Bytes node's parser cannot read as HTTP (a body sent without a length, a broken head line) get a JSON
 * refusal like every other one, instead of node's bare "400 Bad Request" with no body.
 */
export function refuseMalformedRequests(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable || error.code === 'ECONNRESET') return void socket.destroy();
    const [status, code, message] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'too_large', "The request's headers are too large."]
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'invalid', 'The request took too long to arrive.']
          : [400, 'invalid', 'This is not well-formed HTTP; the connection is closed.'];
    const json = JSON.stringify({ ok: false, error: { code, message } });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
    );
  });
}

/**
 * A request's target as a URL on `base` (http://127.0.0.1), or null when no URL can hold it: `//x/...` is a
 * path here, not another host's (the URL parser took `//` for a host and threw, a 500).
 */
export function requestUrl(target: string | undefined, base: string): URL | null {
  const path = target ?? '/';
  try {
    return new URL(path.startsWith('/') ? `${base}${path}` : path, base);
  } catch {
    return null;
  }
}
