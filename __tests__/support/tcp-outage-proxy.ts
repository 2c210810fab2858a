import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A loopback TCP proxy that can take a server "down" and bring it back on the same
 * port: while down, new connections are refused and open ones are reset, which is
 * what a client sees when the server process dies. The server behind it keeps its
 * data, as a server restarted on the same data directory would.
 */
export interface OutageProxy {
  readonly endpoint: string;
  readonly port: number;
  readonly isUp: () => boolean;
  /** Refuses new connections and resets the open ones. */
  takeDown(): Promise<void>;
  /** Listens again on the same port. */
  bringUp(): Promise<void>;
  stop(): Promise<void>;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/** Time for clients on loopback to read the end of their connections. */
const PEER_NOTICE_MS = 50;

export async function startOutageProxy(targetPort: number): Promise<OutageProxy> {
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  const newServer = () =>
    createServer((client) => {
      const upstream = createConnection({ host: '127.0.0.1', port: targetPort });
      track(client);
      track(upstream);
      client.pipe(upstream).pipe(client);
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
    });
  let server: Server | undefined = newServer();
  const port = await listen(server, 0);

  const takeDown = async () => {
    const closing = server;
    server = undefined;
    if (!closing) return;
    const closed = new Promise<void>((resolve) => closing.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    await closed;
    // Like a dying server, the close reaches clients' pooled sockets a moment later;
    // give them that moment, so the outage starts fully (as stopping a process would).
    await new Promise((resolve) => setTimeout(resolve, PEER_NOTICE_MS));
  };
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    isUp: () => server !== undefined,
    takeDown,
    async bringUp() {
      if (server) throw new Error(`the proxy on port ${port} is already up`);
      const next = newServer();
      await listen(next, port);
      server = next;
    },
    stop: takeDown,
  };
}
