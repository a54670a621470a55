// A raw HTTP request to a test server, so a test controls every header (fetch would not let it set Host or Cookie freely).
import { request } from 'node:http';

export type Sent = { status: number; body: string; headers: Record<string, string | string[] | undefined> };

/** Sends `path` to 127.0.0.1:port with Host set as a browser on that address would, unless `headers` overrides it. */
export function send(
  server: { port: number },
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Sent> {
  return new Promise<Sent>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: init.method ?? 'GET',
        headers: { host: `127.0.0.1:${server.port}`, ...init.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}
