// The benchmarks' static server: Python's `http.server` on 127.0.0.1 serving
// the repository root (as the e2e tests' config does), shared by
// page-bench.mjs, mc-bench.mjs and edit-tasks.mjs.

import { spawn } from 'node:child_process';
import net from 'node:net';

/** A port free on 127.0.0.1 now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/**
 * Serves `root` on `port` (a free one when 0) and waits until `page` answers,
 * at most 15 s. Returns `{ server, base }`; the caller stops `server`.
 */
export async function serveRoot(root, page, port = 0) {
  const at = port || (await freePort());
  const server = spawn('python3', ['-m', 'http.server', String(at), '--bind', '127.0.0.1', '--directory', root], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  const base = `http://127.0.0.1:${at}`;
  for (const until = Date.now() + 15_000; Date.now() < until; ) {
    if (server.exitCode !== null) throw new Error(`python3 -m http.server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${base}${page}`)).ok) return { server, base };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error(`python3 -m http.server did not answer on ${base} within 15 s`);
}
