// @ts-check
/**
 * A byte-counting TCP relay for the benchmark: listens on a port of its own and passes every
 * connection on to the target unchanged, counting the bytes sent back to the client, as they
 * cross the network (after compression, headers included). One relay per viewer tells what each
 * viewer receives, whatever connections its browser opens.
 */
import net from 'node:net';

/**
 * @param {{ host: string, port: number }} target
 * @returns {Promise<{ url: string, received: () => number, connections: () => Array<{ first: string, bytes: number }>, close: () => Promise<void> }>}
 */
export async function startRelay(target) {
  let received = 0;
  /** @type {Array<{ first: string, bytes: number }>} */
  const connections = [];
  /** @type {Set<net.Socket>} */
  const sockets = new Set();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    const connection = { first: '', bytes: 0 };
    connections.push(connection);
    sockets.add(client).add(upstream);
    client.once('data', (chunk) => (connection.first = chunk.toString('latin1').split('\r\n', 1)[0] ?? ''));
    upstream.on('data', (chunk) => {
      received += chunk.length;
      connection.bytes += chunk.length;
    });
    client.pipe(upstream);
    upstream.pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {net.AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}/`,
    received: () => received,
    connections: () => connections.map((c) => ({ ...c })),
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
