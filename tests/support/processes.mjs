// Processes: free ports, timeouts, children that die with the test process, and
// waiting for a port to answer.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { onExit } from './cleanup.mjs';
import { HAS_SETPRIV, REPO_ROOT } from './paths.mjs';
import { reservePort } from './ports.mjs';

/**
 * A port free on 127.0.0.1 now and claimed for this process (see ports.mjs), so
 * that no other test process running at the same time is handed it.
 */
export async function freePort() {
  for (let attempt = 0; attempt < 50; attempt++) {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1');
    await once(srv, 'listening');
    const { port } = srv.address();
    await new Promise((r) => srv.close(r));
    if (reservePort(port)) return port;
  }
  throw new Error('freePort: no unclaimed free port after 50 attempts');
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** promise, or `onTimeout` after ms; the timer never outlives the race. */
export async function within(promise, ms, onTimeout = 'timeout') {
  let timer;
  try {
    return await Promise.race([promise, new Promise((r) => (timer = setTimeout(() => r(onTimeout), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Spawn a long-running child that dies with us (PDEATHSIG when setpriv exists,
 * plus an exit hook). Output goes to logFile when given.
 */
export function spawnManaged(cmd, args, { cwd = REPO_ROOT, env = process.env, logFile } = {}) {
  const fd = logFile ? fs.openSync(logFile, 'a') : 'ignore';
  const [file, argv] = HAS_SETPRIV
    ? ['/usr/bin/setpriv', ['--pdeathsig', 'KILL', '--', cmd, ...args]]
    : [cmd, args];
  const child = spawn(file, argv, { cwd, env, stdio: ['ignore', fd, fd] });
  if (typeof fd === 'number') fs.closeSync(fd);
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', (error) => resolve({ code: null, signal: null, error }));
  });
  child.exitedPromise = exited;
  child.hasExited = false;
  exited.then(() => {
    child.hasExited = true;
  });
  const unregister = onExit(() => {
    if (!child.hasExited) {
      try {
        child.kill('SIGKILL');
      } catch {
        // already gone
      }
    }
  });
  child.stopGracefully = async (timeoutMs = 5000) => {
    if (!child.hasExited) {
      child.kill('SIGTERM');
      const t = await within(exited, timeoutMs);
      if (t === 'timeout' && !child.hasExited) {
        child.kill('SIGKILL');
        await within(exited, 2000);
      }
    }
    unregister();
    return exited;
  };
  return child;
}

/** Run a command to completion with a time limit; output appended to logFile. */
export async function runBounded(cmd, args, { cwd = REPO_ROOT, env = process.env, logFile, timeoutMs = 120_000 } = {}) {
  if (logFile) fs.appendFileSync(logFile, `\n$ ${[cmd, ...args].join(' ')}\n`);
  const child = spawnManaged(cmd, args, { cwd, env, logFile });
  const res = await within(child.exitedPromise, timeoutMs);
  if (res === 'timeout') {
    await child.stopGracefully(2000);
    throw new Error(`${path.basename(cmd)} ${args.join(' ')}: timed out after ${timeoutMs} ms`);
  }
  await child.stopGracefully(0);
  if (res.error) throw new Error(`${cmd}: ${res.error.message}`);
  if (res.code !== 0) {
    throw new Error(`${path.basename(cmd)} ${args.join(' ')}: exit code ${res.code ?? res.signal}`);
  }
}

export function tailFile(file, lines = 60) {
  try {
    const text = fs.readFileSync(file, 'utf8');
    return text.split('\n').slice(-lines - 1).join('\n');
  } catch (e) {
    return `(no log: ${e.message})`;
  }
}

export async function waitForPort(port, { host = '127.0.0.1', timeoutMs = 10_000, child } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child?.hasExited) throw new Error('process exited before listening');
    const ok = await new Promise((resolve) => {
      const sock = net.connect({ port, host });
      sock.once('connect', () => {
        sock.destroy();
        resolve(true);
      });
      sock.once('error', () => resolve(false));
    });
    if (ok) return;
    await sleep(100);
  }
  throw new Error(`nothing listening on ${host}:${port} after ${timeoutMs} ms`);
}

/** User + system CPU time a process has used so far, in ms (Linux /proc; 10 ms clock ticks). */
export function processCpuMs(pid) {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
