// Server: `ateliers migrate / import-referential / seed-demo`, then `ateliers serve`
// on a free port, ready when /healthz answers.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { makeTempDir } from './cleanup.mjs';
import { SERVER_BIN } from './paths.mjs';
import { freePort, runBounded, sleep, spawnManaged, tailFile } from './processes.mjs';

/**
 * Prepare the database (migrate, import-referential, seed-demo) and serve.
 * db: "sqlite:/path" or "postgresql://...". smtpPort: the SMTP sink's port (optional).
 * extraArgs: more `serve` arguments, or a function of the server's base URL giving them
 * (settings that name the server's own address, such as an OpenID redirect URL).
 */
export async function startServer({ db, smtpPort, mailDir, filesDir, extraArgs = [], env = {}, readyTimeoutMs = 30_000 } = {}) {
  assert.ok(db, 'startServer: db is required');
  if (!fs.existsSync(SERVER_BIN)) {
    throw new Error(`server binary not found: ${SERVER_BIN} (build it, or set ATELIERS_BIN)`);
  }
  const tmp = await makeTempDir('server');
  const logFile = path.join(tmp.dir, 'server.log');
  const ownMailDir = !mailDir;
  mailDir ??= path.join(tmp.dir, 'mail');
  if (ownMailDir) await fsp.mkdir(mailDir, { recursive: true });
  filesDir ??= path.join(tmp.dir, 'files'); // uploaded files: created by the server on first upload
  const childEnv = { ...process.env, ...env };
  let child;
  const fail = async (e) => {
    if (child) await child.stopGracefully(2000);
    const tail = tailFile(logFile, 80);
    await tmp.remove();
    return new Error(`${e.message}\n--- server log tail (${logFile}) ---\n${tail}`);
  };
  try {
    await runBounded(SERVER_BIN, ['migrate', '--db', db], { logFile, env: childEnv, timeoutMs: 120_000 });
    await runBounded(SERVER_BIN, ['import-referential', '--db', db], { logFile, env: childEnv, timeoutMs: 300_000 });
    await runBounded(SERVER_BIN, ['seed-demo', '--db', db], { logFile, env: childEnv, timeoutMs: 120_000 });
  } catch (e) {
    throw await fail(e);
  }

  let port;
  let baseUrl;
  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    const args = [
      'serve', '--db', db, '--port', String(port), '--address', '127.0.0.1',
      '--mail-dir', mailDir, '--files-dir', filesDir, '--base-url', baseUrl, '--worker-interval-ms', '200',
      // Every page the tests visit is also rendered by the reference Mustache engine.
      '--check-templates',
    ];
    if (smtpPort) args.push('--smtp-url', `smtp://127.0.0.1:${smtpPort}`);
    args.push(...(typeof extraArgs === 'function' ? extraArgs(baseUrl) : extraArgs));
    fs.appendFileSync(logFile, `\n$ ${SERVER_BIN} ${args.join(' ')}\n`);
    child = spawnManaged(SERVER_BIN, args, { logFile, env: childEnv });
    try {
      await waitForHealthz(baseUrl, child, readyTimeoutMs);
      break;
    } catch (e) {
      // a port race is the only reason worth a retry
      if (attempt < 2 && child.hasExited && /address already in use|EADDRINUSE|bind/i.test(tailFile(logFile, 10))) {
        await child.stopGracefully(1000);
        continue;
      }
      throw await fail(e);
    }
  }

  return {
    baseUrl,
    port,
    pid: child.pid, // the server process itself (setpriv execs it), for CPU figures
    db,
    mailDir,
    filesDir,
    logFile,
    logTail: (n = 60) => tailFile(logFile, n),
    get running() {
      return !child.hasExited;
    },
    async stop() {
      await child.stopGracefully(5000);
      await tmp.remove();
    },
  };
}

async function waitForHealthz(baseUrl, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (child.hasExited) {
      const { code, signal } = await child.exitedPromise;
      throw new Error(`server exited (${code ?? signal}) before /healthz answered`);
    }
    try {
      const r = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2000) });
      await r.arrayBuffer();
      if (r.status === 200) return;
      last = `status ${r.status}`;
    } catch (e) {
      last = e.cause?.code ?? e.message;
    }
    await sleep(150);
  }
  throw new Error(`GET /healthz not 200 after ${timeoutMs} ms (last: ${last})`);
}

/** Wrap a test body so a failure carries the server's log tail. */
export function withServerLog(getServer, fn) {
  return async (...args) => {
    try {
      return await fn(...args);
    } catch (e) {
      const server = getServer();
      if (server && e && typeof e === 'object') {
        const tail = `\n--- server log tail ---\n${server.logTail(40)}`;
        try {
          e.message += tail;
        } catch {
          // frozen message
        }
      }
      throw e;
    }
  };
}
