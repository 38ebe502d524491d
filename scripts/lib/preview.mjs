import { spawn } from 'node:child_process';

/**
 * Starts `astro preview` of a built site on 127.0.0.1:`port` (in its own process group, so that
 * stopping it also stops the node process npx starts) and resolves once `readyPath` answers.
 * Returns the base URL and a stop function.
 */
export async function startPreview({ port, outDir, readyPath = '/ja/', cwd, timeoutMs = 60_000 }) {
  const server = spawn('npx', ['astro', 'preview', '--ignore-lock', '--port', String(port), '--host', '127.0.0.1', ...(outDir ? ['--outDir', outDir] : [])], {
    cwd,
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  const stop = () => {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.on('exit', stop);
  const base = `http://127.0.0.1:${port}`;
  for (const start = Date.now(); Date.now() - start < timeoutMs; await new Promise((r) => setTimeout(r, 300))) {
    try {
      if ((await fetch(base + readyPath)).ok) return { base, stop };
    } catch {
      // not listening yet
    }
  }
  stop();
  throw new Error(`astro preview did not answer ${base}${readyPath} within ${timeoutMs / 1000} s`);
}
