import { createServer } from 'node:net';

/** A free TCP port on 127.0.0.1, so a preview server never collides with another one on this machine. */
export function freePort() {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
