// Is the web port free? Asked before anything starts, so a second `npm start` says so in one sentence
// instead of ingesting and building first and then dying on EADDRINUSE.
import net from 'node:net';

/** null when host:port can be listened on, else the sentence to show. */
export async function portProblem(host: string, port: number): Promise<string | null> {
  const free = await new Promise<boolean | string>((resolve) => {
    const server = net.createServer();
    server.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? String(error)));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(true)));
  });
  if (free === true) return null;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
  if (free !== 'EADDRINUSE') return `cannot listen on ${host}:${port} (${free}); set HOST or PORT.`;
  // A timer of our own: AbortSignal.timeout() does not keep the process alive while it waits.
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), 2000);
  const ours = await fetch(`${url}api/health`, { signal: abort.signal })
    .then(async (response) => response.status === 401 || 'neo4j' in ((await response.json()) as object))
    .catch(() => false)
    .finally(() => clearTimeout(timer));
  return ours
    ? `cadre-graph is already running at ${url}; use it, or stop it (Ctrl-C in its terminal) or set PORT to start another.`
    : `port ${port} on ${host} is in use by another program; stop it or set PORT to another port.`;
}
