import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';

/**
 * Coalesces the frames a socket sends within one tick into one write. Every
 * subscription on a socket sends its events from its own async step, so without this
 * each ~1 KB frame costs a syscall of its own; corking until the next tick lets
 * Node hand them to the kernel together.
 */
export function coalesceWrites(ws: WebSocket, socket: Socket): void {
  const send = ws.send.bind(ws);
  let corked = false;
  const uncork = () => {
    corked = false;
    socket.uncork();
  };
  ws.send = ((...args: Parameters<WebSocket['send']>) => {
    if (!corked) {
      corked = true;
      socket.cork();
      process.nextTick(uncork);
    }
    send(...args);
  }) as WebSocket['send'];
}
