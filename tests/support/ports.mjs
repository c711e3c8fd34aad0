// Port reservations shared by every test process on the machine.
//
// freePort() asks the kernel for a free port, but nothing is listening on it
// until the server or sink started on it binds it; meanwhile another test process
// (`ctest -j2` runs two node files at once) may be handed the same port. Worse,
// that clash can go unnoticed: a readiness check that only connects (the SMTP
// sink) or asks /healthz (the server) is answered by the other process's
// listener. So each port a test process uses is also claimed in
// <tmpdir>/ateliers-ports/<port> (created exclusively, holding the owner's pid)
// and never handed out again while that process lives. Claims of dead processes
// are swept at start.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onExit } from './cleanup.mjs';

const PORT_DIR = path.join(os.tmpdir(), 'ateliers-ports');

/**
 * Ports other tests use at fixed numbers: tests/tests.cmake's PostgreSQL for the
 * service tests (pg_start, port 55432).
 */
const FIXED_ELSEWHERE = new Set([55432]);

const mine = new Set();

function alive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return true; // being written: assume alive
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

function sweepStaleClaims() {
  let names;
  try {
    names = fs.readdirSync(PORT_DIR);
  } catch {
    return;
  }
  for (const name of names) {
    const file = path.join(PORT_DIR, name);
    try {
      const text = fs.readFileSync(file, 'utf8');
      if (text !== '' && !alive(Number(text))) fs.rmSync(file, { force: true });
    } catch {
      // gone meanwhile
    }
  }
}

/** Claim port for this process; false when another test process (or this one) holds it. */
export function reservePort(port) {
  if (FIXED_ELSEWHERE.has(port) || mine.has(port)) return false;
  const file = path.join(PORT_DIR, String(port));
  try {
    fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
  } catch (e) {
    if (e.code === 'EEXIST') return false;
    throw e;
  }
  mine.add(port);
  return true;
}

fs.mkdirSync(PORT_DIR, { recursive: true });
try {
  fs.chmodSync(PORT_DIR, 0o1777); // like /tmp: any user's test run may claim ports
} catch {
  // not ours: whoever created it made it shared
}
sweepStaleClaims();
onExit(() => {
  for (const port of mine) fs.rmSync(path.join(PORT_DIR, String(port)), { force: true });
});
