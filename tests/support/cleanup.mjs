// Cleanup on exit: whatever a test process starts or creates is registered here
// and undone when the process exits (normally, on an uncaught error or on
// SIGINT/SIGTERM/SIGHUP); what a killed process left behind is swept at start.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { KEEP, PG_CLUSTER_SH } from './paths.mjs';

const exitCleanups = new Set();

/** Register a synchronous cleanup run at process exit; returns an unregister function. */
export function onExit(fn) {
  exitCleanups.add(fn);
  return () => exitCleanups.delete(fn);
}

function runExitCleanups() {
  for (const fn of [...exitCleanups].reverse()) {
    exitCleanups.delete(fn);
    try {
      fn();
    } catch {
      // best effort
    }
  }
}

process.on('exit', runExitCleanups);
for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.once(sig, () => {
    runExitCleanups();
    process.exit(code);
  });
}

/**
 * Remove what test processes killed without cleaning up (SIGKILL, e.g. on a
 * CTest timeout) left behind: every temporary directory is named
 * ateliers-KIND-PID-XXXXXX; a PostgreSQL cluster inside is stopped first.
 */
function sweepStale() {
  if (KEEP) return;
  let names;
  try {
    names = fs.readdirSync(os.tmpdir());
  } catch {
    return;
  }
  for (const name of names) {
    const m = /^ateliers-([a-z]+)-(\d+)-[A-Za-z0-9]{6}$/.exec(name);
    if (!m || Number(m[2]) === process.pid) continue;
    try {
      process.kill(Number(m[2]), 0);
      continue; // owner alive
    } catch (e) {
      if (e.code === 'EPERM') continue;
    }
    const tmp = path.join(os.tmpdir(), name);
    if (m[1] === 'pg') {
      spawnSync(PG_CLUSTER_SH, ['stop', path.join(tmp, 'cluster')], { stdio: 'ignore', timeout: 30_000 });
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
sweepStale();

export async function makeTempDir(prefix) {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), `ateliers-${prefix}-${process.pid}-`));
  const unregister = onExit(() => {
    if (!KEEP) fs.rmSync(dir, { recursive: true, force: true });
  });
  return {
    dir,
    async remove() {
      unregister();
      if (!KEEP) await fsp.rm(dir, { recursive: true, force: true });
    },
  };
}
