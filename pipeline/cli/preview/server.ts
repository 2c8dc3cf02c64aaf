import * as http from 'node:http';
import { isLoopbackHost } from './loopback-host.ts';
import { injectPreviewScript } from './overlay.ts';

export interface PreviewState {
  /** Bumped after every successful rebuild: the page reloads when it changes. */
  version: number;
  errors: string[];
  building: boolean;
}

export interface PreviewServer {
  url: string;
  publish(state: PreviewState): void;
  close(): Promise<void>;
}

/**
 * Serves the last good report with the preview script, and server-sent events; loopback only, both
 * the socket (127.0.0.1) and the Host header (loopback-host.ts: no DNS rebinding).
 */
export async function startPreviewServer(opts: {
  port: number;
  readReport: () => Promise<string | null>;
  state: () => PreviewState;
}): Promise<PreviewServer> {
  const clients = new Set<http.ServerResponse>();
  let port = opts.port;
  const server = http.createServer(async (req, res) => {
    if (!isLoopbackHost(req.headers.host, port)) {
      res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(
        `norma preview answers only http://127.0.0.1:${port}/, http://localhost:${port}/ and http://[::1]:${port}/.\n`,
      );
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/events') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
      });
      res.write(`data: ${JSON.stringify(opts.state())}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (url.pathname === '/' || url.pathname === '/report.html') {
      const html = await opts.readReport();
      const body =
        html ??
        '<!doctype html><meta charset="utf-8"><title>norma preview</title><body><p>No report yet: the first build has not succeeded.</p></body>';
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(injectPreviewScript(body));
      return;
    }
    if (url.pathname === '/state') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(opts.state()));
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : opts.port;
  return {
    url: `http://127.0.0.1:${port}/`,
    publish(state) {
      const data = `data: ${JSON.stringify(state)}\n\n`;
      for (const client of clients) client.write(data);
    },
    async close() {
      for (const client of clients) client.end();
      clients.clear();
      server.closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
