// Bulk helpers for load and concurrency runs (see harness.mjs for the rest).
//
// Creating hundreds of accounts through the sign-up form costs an argon2id hash
// each (~50–100 ms): these helpers write them straight into the database
// instead, with a fixed, valid argon2id hash of BULK_PASSWORD (so a bulk account
// can still log in through the form) and an API token each.
//
//   runSql(db, sql)                     run statements on "sqlite:PATH" or "postgresql://…"
//   queryRows(db, select)               rows as arrays of strings (tab-separated output)
//   tokenHashes(tokens)                 BLAKE2b-256 hex of each token, like crypto::token_hash
//   pickCommunes(db, n, { offset })     n distinct real commune ids from the referential
//   createBulkUsers(db, specs, { tag }) users + roles + API tokens -> [{ id, email, token, collectiviteId }]
//   registrationBody(user, i)           a valid JSON body for POST /api/v1/cycles/{slug}/registrations
//   startServeOnly({ db })              one more `ateliers serve` on an already prepared database
//   keepAliveAgent(max), requestJson(baseUrl, agent, method, path, { token, body })
//   runPool(items, concurrency, fn)     bounded concurrency; results in input order
//   percentile(sortedMs, p)
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import {
  REPO_ROOT,
  SERVER_BIN,
  freePort,
  makeTempDir,
  onExit,
  sleep,
  tailFile,
  within,
} from './harness.mjs';
import { checkApiResponse } from './openapi_check.mjs';

const PYTHON = '/usr/bin/python3';
const PSQL = '/usr/lib/postgresql/15/bin/psql';

/** Password of every bulk account; BULK_PASSWORD_HASH is its argon2id hash (libsodium, "interactive"). */
export const BULK_PASSWORD = 'Mot de passe de test 2024';
export const BULK_PASSWORD_HASH =
  '$argon2id$v=19$m=65536,t=2,p=1$kExz6FAr2dVfdab04H7LrQ$vI0AqGjb6+NuIh65bWTeS6nLVHNeYEaL0Bk+dSC4jOk';

const isPostgres = (db) => /^postgres(ql)?:\/\//.test(db);
const sqlitePath = (db) => (db.startsWith('sqlite:') ? db.slice(7) : db);

/** Run SQL text (several statements allowed) and return stdout; throws with stderr on failure. */
export function runSql(db, sql, { timeoutMs = 120_000 } = {}) {
  const r = isPostgres(db)
    ? spawnSync(PSQL, [db, '-v', 'ON_ERROR_STOP=1', '-qAt', '-F', '\t', '-f', '-'], {
        input: sql,
        encoding: 'utf8',
        timeout: timeoutMs,
        maxBuffer: 256 * 1024 * 1024,
      })
    : spawnSync('sqlite3', ['-bail', '-batch', '-separator', '\t', sqlitePath(db)], {
        input: `.timeout 20000\n${sql}`,
        encoding: 'utf8',
        timeout: timeoutMs,
        maxBuffer: 256 * 1024 * 1024,
      });
  if (r.status !== 0) {
    throw new Error(`SQL failed on ${db.replace(/:[^:@/]*@/, ':***@')}: ${r.stderr || r.error?.message}\n${sql.slice(0, 400)}`);
  }
  return r.stdout;
}

/** Rows of a SELECT as arrays of strings (NULL as ''). Values must not contain tabs or newlines. */
export function queryRows(db, select) {
  return runSql(db, select.trim().replace(/;?$/, ';'))
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => line.split('\t'));
}

/** SQL string literal. */
export const q = (s) => `'${String(s).replace(/'/g, "''")}'`;

/**
 * BLAKE2b-256 (unkeyed, 32-byte digest) hex of each token: what libsodium's
 * crypto_generichash gives in services::crypto::token_hash. Node has no
 * BLAKE2b with a 32-byte output (blake2b512 is a different function), so
 * Python's hashlib computes them, all in one process.
 */
export function tokenHashes(tokens) {
  const r = spawnSync(
    PYTHON,
    ['-c', 'import sys,hashlib\nfor t in sys.stdin.read().split():\n print(hashlib.blake2b(t.encode(),digest_size=32).hexdigest())'],
    { input: tokens.join('\n'), encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
  );
  if (r.status !== 0) throw new Error(`python3 blake2b failed: ${r.stderr || r.error?.message}`);
  const out = r.stdout.trim().split('\n');
  if (out.length !== tokens.length) throw new Error(`blake2b: ${out.length} hashes for ${tokens.length} tokens`);
  return out;
}

/** A fresh random API token, like crypto::random_token (32 bytes, base64url). */
export const newToken = () => crypto.randomBytes(32).toString('base64url');

/** n distinct commune ids ("commune:01001"…) of the imported referential, in code order from `offset`. */
export function pickCommunes(db, n, { offset = 0 } = {}) {
  const rows = queryRows(db, `SELECT id FROM collectivites WHERE kind = 'commune' ORDER BY id LIMIT ${Number(n)} OFFSET ${Number(offset)}`);
  if (rows.length < n) throw new Error(`only ${rows.length} communes in the referential, ${n} wanted`);
  return rows.map((r) => r[0]);
}

let bulkRun = 0;

/**
 * Create confirmed accounts directly in the database, each with the participant
 * role (plus spec.role if given) and one API token. specs: [{ collectiviteId,
 * fullName?, mandate?, functionTitle?, role? }]. Returns, in the same order,
 * [{ id, email, token, collectiviteId, mandate, functionTitle, fullName }].
 */
export function createBulkUsers(db, specs, { tag = 'bulk' } = {}) {
  const run = `${tag}.${process.pid}.${Date.now().toString(36)}.${++bulkRun}`;
  const now = Math.floor(Date.now() / 1000);
  const users = specs.map((s, i) => ({
    email: `${run}.${i}@exemple.fr`,
    fullName: s.fullName ?? `Participant ${i + 1}`,
    collectiviteId: s.collectiviteId,
    mandate: s.mandate ?? (i % 2 ? 'agent' : 'elu'),
    functionTitle: s.functionTitle ?? (i % 2 ? 'Chargée de mission' : 'Adjoint au maire'),
    role: s.role,
    token: newToken(),
  }));
  const hashes = tokenHashes(users.map((u) => u.token));
  const lines = ['BEGIN;'];
  for (const u of users) {
    lines.push(
      `INSERT INTO users (email, password_hash, full_name, collectivite_id, function_title, mandate, confirmed_at, created_at) VALUES (${q(u.email)}, ${q(BULK_PASSWORD_HASH)}, ${q(u.fullName)}, ${u.collectiviteId ? q(u.collectiviteId) : 'NULL'}, ${q(u.functionTitle)}, ${q(u.mandate)}, ${now}, ${now});`,
    );
  }
  // Roles and tokens by e-mail, so that ids need not be known in advance (same SQL on both databases).
  users.forEach((u, i) => {
    const uid = `(SELECT id FROM users WHERE email = ${q(u.email)})`;
    lines.push(`INSERT INTO user_roles (user_id, role, scope) VALUES (${uid}, 'participant', '');`);
    if (u.role && u.role !== 'participant') lines.push(`INSERT INTO user_roles (user_id, role, scope) VALUES (${uid}, ${q(u.role)}, '');`);
    lines.push(`INSERT INTO api_tokens (token_hash, user_id, label, created_at) VALUES (${q(hashes[i])}, ${uid}, 'bulk', ${now});`);
  });
  lines.push('COMMIT;');
  runSql(db, lines.join('\n'));
  const ids = new Map(queryRows(db, `SELECT email, id FROM users WHERE email LIKE ${q(`${run}.%`)}`).map(([e, id]) => [e, Number(id)]));
  for (const u of users) {
    u.id = ids.get(u.email);
    if (!u.id) throw new Error(`bulk user ${u.email} not found after insert`);
  }
  return users;
}

/** A situation text of at least 80 characters, distinct per i. */
export function situationText(i) {
  return `Situation n° ${i} : dans notre collectivité, un projet d’aménagement oppose les riverains, les associations et les élus ; nous cherchons comment renouer le dialogue.`;
}

/** A valid registration body for user (collectivité, mandate and function from the user). */
export function registrationBody(user, i = 0) {
  return {
    collectivite: user.collectiviteId,
    mandate: user.mandate,
    function_title: user.functionTitle,
    situation: situationText(i),
    commitments: { attend: true, share: true, camera: true },
  };
}

/**
 * Start one more `ateliers serve` on a database already migrated and seeded (by
 * startServer). Returns { baseUrl, port, logFile, logTail(n), stop() }.
 */
export async function startServeOnly({ db, extraArgs = [], readyTimeoutMs = 30_000 } = {}) {
  const tmp = await makeTempDir('server');
  const logFile = path.join(tmp.dir, 'server.log');
  const mailDir = path.join(tmp.dir, 'mail');
  fs.mkdirSync(mailDir, { recursive: true });
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const args = ['serve', '--db', db, '--port', String(port), '--address', '127.0.0.1', '--mail-dir', mailDir,
    '--base-url', baseUrl, '--worker-interval-ms', '200', ...extraArgs];
  const fd = fs.openSync(logFile, 'a');
  const hasSetpriv = fs.existsSync('/usr/bin/setpriv');
  const child = hasSetpriv
    ? spawn('/usr/bin/setpriv', ['--pdeathsig', 'KILL', '--', SERVER_BIN, ...args], { cwd: REPO_ROOT, stdio: ['ignore', fd, fd] })
    : spawn(SERVER_BIN, args, { cwd: REPO_ROOT, stdio: ['ignore', fd, fd] });
  fs.closeSync(fd);
  let exited = false;
  const exitedPromise = new Promise((resolve) => child.once('exit', (code, signal) => {
    exited = true;
    resolve({ code, signal });
  }));
  const unregister = onExit(() => {
    if (!exited) try { child.kill('SIGKILL'); } catch { /* gone */ }
  });
  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      if ((await within(exitedPromise, 5000)) === 'timeout') child.kill('SIGKILL');
    }
    unregister();
    await tmp.remove();
  };
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (exited) {
      const tail = tailFile(logFile, 40);
      await stop();
      throw new Error(`ateliers serve exited before answering /healthz\n${tail}`);
    }
    try {
      const r = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2000) });
      await r.arrayBuffer();
      if (r.status === 200) break;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`ateliers serve on ${baseUrl} not ready after ${readyTimeoutMs} ms`);
    }
    await sleep(100);
  }
  return { baseUrl, port, logFile, logTail: (n = 60) => tailFile(logFile, n), stop };
}

/** A keep-alive agent holding up to maxSockets connections. */
export const keepAliveAgent = (maxSockets = 64) => new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });

/**
 * One JSON request over agent. Resolves { status, headers, json, text, ms } (ms:
 * time from sending to the whole answer); network errors resolve with status 0.
 */
export function requestJson(baseUrl, agent, method, p, { token, body, timeoutMs = 30_000 } = {}) {
  const u = new URL(p, baseUrl);
  const payload = body === undefined ? null : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  const headers = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (payload) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = payload.length;
  }
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.request(
      { host: u.hostname, port: u.port, path: u.pathname + u.search, method, headers, agent, timeout: timeoutMs },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          const text = Buffer.concat(chunks).toString('utf8');
          let json;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          try {
            // Every /api/v1 answer must match docs/openapi.json.
            checkApiResponse({ method, path: u.pathname + u.search, status: res.statusCode, contentType: res.headers['content-type'], body: text, headers: res.headers });
          } catch (e) {
            reject(e);
            return;
          }
          resolve({ status: res.statusCode, headers: res.headers, text, json, ms });
        });
        res.on('error', (e) => resolve({ status: 0, error: e.message, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timed out after ${timeoutMs} ms`)));
    req.on('error', (e) => resolve({ status: 0, error: e.message, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
    if (payload) req.write(payload);
    req.end();
  });
}

/** Map items through async fn with at most `concurrency` in flight; results in input order. */
export async function runPool(items, concurrency, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/** p-th percentile (0–100) of an ascending array, nearest-rank. */
export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}
