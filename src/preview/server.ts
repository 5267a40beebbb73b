import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PreviewSession } from './session.js';

/** Reloads the page when the server announces a version other than the one shown; reconnects by itself. */
const client = (version: number) => `
(() => {
  const shown = ${version};
  const events = new EventSource('/events');
  events.addEventListener('version', (e) => { if (Number(e.data) !== shown) location.reload(); });
})();`;

export interface PreviewServer {
  url: string;
  /** Tells every open page the new version. */
  announce(version: number): void;
  close(): Promise<void>;
}

/**
 * The preview's HTTP side, on 127.0.0.1 only: GET / is the page, GET /events the
 * server-sent events that trigger a reload. Requests naming another host are refused
 * (a web page cannot reach the preview through DNS rebinding). The page may run only the
 * preview's own script (a nonce in the Content-Security-Policy), never a chapter's.
 */
export async function startServer(session: PreviewSession, port: number): Promise<PreviewServer> {
  const streams = new Set<ServerResponse>();
  let actualPort = port;

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${actualPort}` && host !== `localhost:${actualPort}`) return void res.writeHead(403).end();
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { Allow: 'GET' }).end();
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/') {
      const nonce = randomBytes(16).toString('base64');
      const body = session.page(`<script nonce="${nonce}">${client(session.version)}</script>`);
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
        'Content-Security-Policy': `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'nonce-${nonce}'; connect-src 'self'`,
        'X-Content-Type-Options': 'nosniff',
      });
      return void res.end(req.method === 'HEAD' ? undefined : body);
    }
    if (path === '/events') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(`retry: 500\nevent: version\ndata: ${session.version}\n\n`);
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    res.writeHead(404).end();
  };

  const server: Server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  actualPort = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${actualPort}/`,
    announce(version) {
      for (const res of streams) res.write(`event: version\ndata: ${version}\n\n`);
    },
    async close() {
      for (const res of streams) res.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
