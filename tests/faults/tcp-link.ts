import { connect, createServer, type Server, type Socket } from 'node:net';
import { freePort } from '../../scripts/cluster/ports';

/**
 * A TCP link between one process and a server (a web instance and Redis) that a test
 * can cut: every open connection is reset and new ones are refused until it is
 * restored, as when a network path fails.
 */
export class TcpLink {
  private server: Server | null = null;
  private readonly pairs = new Set<Socket>();
  private targetPort = 0;
  port = 0;

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async listen(): Promise<void> {
    this.port = this.port || (await freePort());
    const server = createServer((socket) => this.bridge(socket));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
  }

  /** Where the link leads (set once the server's port is known). */
  to(port: number): void {
    this.targetPort = port;
  }

  /** Resets every connection and refuses new ones. */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const socket of this.pairs) socket.resetAndDestroy();
    this.pairs.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async restore(): Promise<void> {
    await this.listen();
  }

  async close(): Promise<void> {
    await this.cut();
  }

  private bridge(inbound: Socket): void {
    const outbound = connect(this.targetPort, '127.0.0.1');
    for (const [a, b] of [
      [inbound, outbound],
      [outbound, inbound],
    ] as const) {
      this.pairs.add(a);
      a.pipe(b);
      a.on('error', () => b.destroy());
      a.on('close', () => {
        this.pairs.delete(a);
        b.destroy();
      });
    }
  }
}
