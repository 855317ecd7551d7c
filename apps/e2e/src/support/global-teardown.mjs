import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  const state = globalThis.__UNIDOS_E2E__;
  if (!state) return;
  const { child, dataDir } = state;
  if (child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    // An unref'd timer: once Unidos has exited, nothing keeps Jest waiting for the 10 s to pass.
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000).unref())]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  rmSync(dataDir, { recursive: true, force: true });
}
