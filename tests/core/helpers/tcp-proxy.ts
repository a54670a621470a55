// A TCP proxy to a server on 127.0.0.1 for the desk tests: hooks see each chunk before it passes, to drop, hold or count the traffic.
import { connect, createServer, type Socket } from 'node:net';
import type { TestContext } from 'node:test';
import { defer } from './temp-dir.ts';

export type ProxyHooks = {
  /** A new connection: false closes it at once (default: accepted). */
  accept?: () => boolean;
  /** A chunk from the client: passed on when it answers true; awaited, so it can hold the rest of the connection back. */
  request?: (chunk: Buffer) => boolean | Promise<boolean>;
  /** A chunk from the server: passed back when it answers true. */
  response?: (chunk: Buffer) => boolean;
};

export async function tcpProxy(t: TestContext, targetPort: number, hooks: ProxyHooks = {}) {
  const sockets = new Set<Socket>();
  const dropAll = () => {
    for (const socket of sockets) socket.destroy();
  };
  const server = createServer((client) => {
    if (hooks.accept && !hooks.accept()) return void client.destroy();
    const upstream = connect(targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => sockets.delete(socket));
    }
    // In order: a held chunk holds those after it.
    let queue = Promise.resolve();
    client.on('data', (chunk: Buffer) => {
      queue = queue.then(async () => {
        if (!hooks.request || (await hooks.request(chunk))) upstream.write(chunk);
      });
    });
    client.on('end', () => void queue.then(() => upstream.end()));
    upstream.on('data', (chunk: Buffer) => {
      if (!hooks.response || hooks.response(chunk)) client.write(chunk);
    });
    upstream.on('end', () => client.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  defer(t, () => new Promise((resolve) => server.close(resolve)));
  defer(t, async () => dropAll());
  const { port } = server.address() as { port: number };
  return { port, url: `http://127.0.0.1:${port}/desk`, dropAll };
}
