// Black-box test harness for Ateliers des territoires.
//
// Node built-ins + playwright-core only. Every helper that starts something
// returns an object with an async stop(); everything started is also killed and
// every temporary directory removed when the process exits (normally, on an
// uncaught error or on SIGINT/SIGTERM), so a failing test never leaks a server,
// a PostgreSQL cluster or an SMTP sink.
//
//   startPostgres()              -> { url, stop() }           fresh database on a shared throw-away cluster
//   startSmtpSink()              -> { port, dir, messages(), waitFor(pred, ms), stop() }
//   startServer({ db, smtpPort, mailDir }) -> { baseUrl, logFile, logTail(n), stop() }
//   new HttpClient(baseUrl)      cookie-jar client over fetch (redirect: 'manual')
//   getForm(html, match)         the fields of a <form> (csrf_token included)
//   launchBrowser(), newContext(browser, opts), checkA11y(page)
//
// Environment:
//   ATELIERS_BIN        server binary (default: <repo>/build/ateliers)
//   ATELIERS_TEST_KEEP  if set, temporary directories (server logs, mail dirs) are kept
//   CHROMIUM_PATH       browser binary (default: /usr/bin/chromium)

import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SERVER_BIN = process.env.ATELIERS_BIN
  ? path.resolve(process.env.ATELIERS_BIN)
  : path.join(REPO_ROOT, 'build', 'ateliers');
const PG_CLUSTER_SH = path.join(REPO_ROOT, 'tests', 'support', 'pg-cluster.sh');
const PG_BIN = '/usr/lib/postgresql/15/bin';
const PYTHON = '/usr/bin/python3';
const KEEP = !!process.env.ATELIERS_TEST_KEEP;
const HAS_SETPRIV = fs.existsSync('/usr/bin/setpriv');

// ---------------------------------------------------------------------------
// Cleanup on exit

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

// ---------------------------------------------------------------------------
// Processes

export async function freePort() {
  const srv = net.createServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const { port } = srv.address();
  await new Promise((r) => srv.close(r));
  return port;
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
function spawnManaged(cmd, args, { cwd = REPO_ROOT, env = process.env, logFile } = {}) {
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
async function runBounded(cmd, args, { cwd = REPO_ROOT, env = process.env, logFile, timeoutMs = 120_000 } = {}) {
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

async function waitForPort(port, { host = '127.0.0.1', timeoutMs = 10_000, child } = {}) {
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

// ---------------------------------------------------------------------------
// PostgreSQL: one throw-away cluster per process, one fresh database per call

let pgCluster = null; // { dir, port, users, ready: Promise }

function psql(port, sql, db = 'postgres') {
  const r = spawnSync(
    `${PG_BIN}/psql`,
    ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', db, '-v', 'ON_ERROR_STOP=1', '-qAtc', sql],
    { encoding: 'utf8', timeout: 30_000 },
  );
  if (r.status !== 0) throw new Error(`psql failed (${sql}): ${r.stderr || r.error?.message}`);
  return r.stdout;
}

async function ensureCluster() {
  if (pgCluster) {
    await pgCluster.ready;
    return pgCluster;
  }
  const cluster = { dir: null, port: 0, users: 0 };
  cluster.ready = (async () => {
    const tmp = await fsp.mkdtemp(path.join(os.tmpdir(), `ateliers-pg-${process.pid}-`));
    cluster.dir = path.join(tmp, 'cluster');
    // postgres (not root) must traverse the mkdtemp directory.
    await fsp.chmod(tmp, 0o755);
    cluster.tmp = tmp;
    cluster.unregister = onExit(() => {
      spawnSync(PG_CLUSTER_SH, ['stop', cluster.dir], { stdio: 'ignore', timeout: 30_000 });
      fs.rmSync(tmp, { recursive: true, force: true });
    });
    let lastErr;
    for (let attempt = 0; attempt < 3; attempt++) {
      cluster.port = await freePort();
      const r = spawnSync(PG_CLUSTER_SH, ['start', cluster.dir, String(cluster.port)], {
        encoding: 'utf8',
        timeout: 120_000,
      });
      if (r.status === 0) return;
      lastErr = new Error(`pg-cluster.sh start failed: ${r.stderr || r.error?.message}`);
    }
    throw lastErr;
  })();
  pgCluster = cluster;
  try {
    await cluster.ready;
  } catch (e) {
    pgCluster = null;
    cluster.unregister?.();
    spawnSync(PG_CLUSTER_SH, ['stop', cluster.dir], { stdio: 'ignore', timeout: 30_000 });
    if (cluster.tmp) await fsp.rm(cluster.tmp, { recursive: true, force: true });
    throw e;
  }
  return cluster;
}

async function releaseCluster(cluster) {
  cluster.users -= 1;
  if (cluster.users > 0 || pgCluster !== cluster) return;
  pgCluster = null;
  cluster.unregister();
  spawnSync(PG_CLUSTER_SH, ['stop', cluster.dir], { stdio: 'ignore', timeout: 30_000 });
  await fsp.rm(cluster.tmp, { recursive: true, force: true });
}

let dbCounter = 0;

/** A fresh, empty database on a throw-away PostgreSQL 15 cluster. */
export async function startPostgres() {
  const cluster = await ensureCluster();
  cluster.users += 1;
  const name = `ateliers_t${process.pid}_${++dbCounter}`;
  try {
    psql(cluster.port, `CREATE DATABASE ${name}`);
  } catch (e) {
    await releaseCluster(cluster);
    throw e;
  }
  let stopped = false;
  return {
    url: `postgresql://postgres@127.0.0.1:${cluster.port}/${name}`,
    port: cluster.port,
    database: name,
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        psql(cluster.port, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } catch {
        // the cluster goes away anyway
      }
      await releaseCluster(cluster);
    },
  };
}

// ---------------------------------------------------------------------------
// SMTP sink: aiosmtpd writing a Maildir, parsed here

/** Start an SMTP server on 127.0.0.1 that stores every message in a Maildir. */
export async function startSmtpSink() {
  const tmp = await makeTempDir('smtp');
  const maildir = path.join(tmp.dir, 'Maildir');
  const log = path.join(tmp.dir, 'aiosmtpd.log');
  let child;
  let port;
  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    child = spawnManaged(
      PYTHON,
      ['-m', 'aiosmtpd', '-n', '-u', '-l', `127.0.0.1:${port}`, '-c', 'aiosmtpd.handlers.Mailbox', maildir],
      { logFile: log, env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } },
    );
    try {
      await waitForPort(port, { child, timeoutMs: 15_000 });
      break;
    } catch (e) {
      await child.stopGracefully(1000);
      if (attempt >= 2) {
        await tmp.remove();
        throw new Error(`SMTP sink did not start: ${e.message}\n${tailFile(log)}`);
      }
    }
  }

  const messages = () => readMaildir(maildir);
  return {
    port,
    dir: maildir,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    /** Wait for a message matching predicate(msg); returns it. */
    async waitFor(predicate, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = messages().find(predicate);
        if (found) return found;
        if (Date.now() > deadline) {
          const seen = messages().map((m) => `  to=${m.to} subject=${JSON.stringify(m.subject)}`);
          throw new Error(
            `no matching e-mail after ${timeoutMs} ms; ${seen.length} received:\n${seen.join('\n')}`,
          );
        }
        await sleep(100);
      }
    },
    async stop() {
      await child.stopGracefully(3000);
      await tmp.remove();
    },
  };
}

export function readMaildir(maildir) {
  const out = [];
  for (const sub of ['new', 'cur']) {
    let names;
    try {
      names = fs.readdirSync(path.join(maildir, sub));
    } catch {
      continue;
    }
    for (const name of names) {
      const file = path.join(maildir, sub, name);
      let raw;
      try {
        raw = fs.readFileSync(file);
      } catch {
        continue;
      }
      const msg = parseEmail(raw);
      msg.file = file;
      msg.time = parseFloat(name) || fs.statSync(file).mtimeMs / 1000;
      out.push(msg);
    }
  }
  out.sort((a, b) => a.time - b.time);
  return out;
}

// ---------------------------------------------------------------------------
// Minimal MIME parser (RFC 5322 / 2045 / 2047)

function decodeCharset(buf, charset = 'utf-8') {
  try {
    return new TextDecoder(charset.trim().toLowerCase() || 'utf-8').decode(buf);
  } catch {
    return buf.toString('utf8');
  }
}

function qpToBuffer(str, { header = false } = {}) {
  if (header) str = str.replace(/_/g, ' ');
  else str = str.replace(/=\r?\n/g, '');
  const bytes = [];
  for (let i = 0; i < str.length; i++) {
    const c = str[i];
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(str.slice(i + 1, i + 3))) {
      bytes.push(parseInt(str.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(str.charCodeAt(i) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

export function decodeHeaderValue(value) {
  // raw 8-bit header bytes (SMTPUTF8) arrive as latin1 code units: re-decode as UTF-8
  if (/[\x80-\xff]/.test(value)) value = Buffer.from(value, 'latin1').toString('utf8');
  value = value.replace(/(=\?[^?]+\?[bBqQ]\?[^?]*\?=)\s+(?==\?[^?]+\?[bBqQ]\?)/g, '$1');
  return value.replace(/=\?([^?*]+)(?:\*[^?]*)?\?([bBqQ])\?([^?]*)\?=/g, (_, charset, enc, text) => {
    const buf = enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : qpToBuffer(text, { header: true });
    return decodeCharset(buf, charset);
  });
}

function splitHeadersBody(latin1) {
  const m = /\r?\n\r?\n/.exec(latin1);
  if (!m) return [latin1, ''];
  return [latin1.slice(0, m.index), latin1.slice(m.index + m[0].length)];
}

function parseHeaders(block) {
  const headers = {};
  const unfolded = block.replace(/\r?\n[ \t]+/g, ' ');
  for (const line of unfolded.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i <= 0) continue;
    const key = line.slice(0, i).trim().toLowerCase();
    const val = line.slice(i + 1).trim();
    (headers[key] ??= []).push(val);
  }
  return headers;
}

function headerParams(value = '') {
  const [type, ...rest] = value.split(';');
  const params = {};
  for (const p of rest) {
    const m = /^\s*([^=\s]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]*))/.exec(p);
    if (m) params[m[1].toLowerCase()] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3];
  }
  return { type: type.trim().toLowerCase(), params };
}

/** Walk a MIME entity; collects text/plain and text/html leaves. */
function parseEntity(latin1, acc) {
  const [head, body] = splitHeadersBody(latin1);
  const headers = parseHeaders(head);
  const ct = headerParams(headers['content-type']?.[0] ?? 'text/plain; charset=us-ascii');
  const cte = (headers['content-transfer-encoding']?.[0] ?? '7bit').trim().toLowerCase();
  if (ct.type.startsWith('multipart/') && ct.params.boundary) {
    const delim = `--${ct.params.boundary}`;
    const pieces = body.split(new RegExp(`\\r?\\n?${delim.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    // pieces[0] is the preamble; a piece starting with "--" is the closing delimiter
    for (const piece of pieces.slice(1)) {
      if (piece.startsWith('--')) break;
      parseEntity(piece.replace(/^[ \t]*\r?\n/, ''), acc);
    }
    return headers;
  }
  let buf;
  if (cte === 'base64') buf = Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  else if (cte === 'quoted-printable') buf = qpToBuffer(body);
  else buf = Buffer.from(body, 'latin1');
  const text = decodeCharset(buf, ct.params.charset ?? 'utf-8');
  if (ct.type === 'text/plain' && acc.text === undefined) acc.text = text;
  else if (ct.type === 'text/html' && acc.html === undefined) acc.html = text;
  acc.parts.push({ type: ct.type, text });
  return headers;
}

/** Parse a raw RFC 5322 message into { to, from, subject, text, html, headers, rcpt }. */
export function parseEmail(raw) {
  const latin1 = Buffer.isBuffer(raw) ? raw.toString('latin1') : Buffer.from(raw, 'utf8').toString('latin1');
  const acc = { parts: [] };
  const headers = parseEntity(latin1, acc);
  const h = (k) => (headers[k]?.[0] !== undefined ? decodeHeaderValue(headers[k][0]) : '');
  const decodedHeaders = Object.fromEntries(
    Object.entries(headers).map(([k, v]) => [k, v.map(decodeHeaderValue)]),
  );
  return {
    to: h('to'),
    from: h('from'),
    subject: h('subject'),
    rcpt: h('x-rcptto'),
    text: acc.text ?? (acc.html ? htmlToText(acc.html) : ''),
    html: acc.html,
    parts: acc.parts,
    headers: decodedHeaders,
  };
}

/** First URL in text whose path starts with pathPrefix (e.g. "/compte/confirmer"). */
export function findLink(text, pathPrefix) {
  const re = /https?:\/\/[^\s"'<>)\]]+/g;
  for (const m of text.matchAll(re)) {
    const u = m[0].replace(/[.,;:!?]+$/, '');
    try {
      if (new URL(u).pathname.startsWith(pathPrefix)) return u;
    } catch {
      // not a URL
    }
  }
  return null;
}

// ---------------------------------------------------------------------------
// Server

/**
 * Prepare the database (migrate, import-referential, seed-demo) and serve.
 * db: "sqlite:/path" or "postgresql://...". smtpPort: the SMTP sink's port (optional).
 */
export async function startServer({ db, smtpPort, mailDir, extraArgs = [], env = {}, readyTimeoutMs = 30_000 } = {}) {
  assert.ok(db, 'startServer: db is required');
  if (!fs.existsSync(SERVER_BIN)) {
    throw new Error(`server binary not found: ${SERVER_BIN} (build it, or set ATELIERS_BIN)`);
  }
  const tmp = await makeTempDir('server');
  const logFile = path.join(tmp.dir, 'server.log');
  const ownMailDir = !mailDir;
  mailDir ??= path.join(tmp.dir, 'mail');
  if (ownMailDir) await fsp.mkdir(mailDir, { recursive: true });
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
      '--mail-dir', mailDir, '--base-url', baseUrl, '--worker-interval-ms', '200',
    ];
    if (smtpPort) args.push('--smtp-url', `smtp://127.0.0.1:${smtpPort}`);
    args.push(...extraArgs);
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
    db,
    mailDir,
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

// ---------------------------------------------------------------------------
// HTTP client with a cookie jar

export class HttpClient {
  constructor(baseUrl, { timeoutMs = 20_000 } = {}) {
    this.baseUrl = baseUrl.replace(/\/$/, '');
    this.cookies = new Map(); // name -> { value, attrs }
    this.timeoutMs = timeoutMs;
  }

  url(p) {
    return /^https?:/.test(p) ? p : `${this.baseUrl}${p.startsWith('/') ? '' : '/'}${p}`;
  }

  cookie(name) {
    return this.cookies.get(name)?.value;
  }

  /** Raw Set-Cookie header lines seen for name (latest last). */
  setCookieLines(name) {
    return this.cookies.get(name)?.lines ?? [];
  }

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v.value}`).join('; ');
  }

  storeCookies(res) {
    const lines = typeof res.headers.getSetCookie === 'function' ? res.headers.getSetCookie() : [];
    for (const line of lines) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const attrText = attrs.join(';').toLowerCase();
      const maxAge = /max-age\s*=\s*(-?\d+)/.exec(attrText);
      const expires = /expires\s*=\s*([^;]+)/.exec(attrText);
      const expired =
        (maxAge && Number(maxAge[1]) <= 0) ||
        (expires && !maxAge && Date.parse(expires[1]) < Date.now()) ||
        value === '';
      const prevLines = this.cookies.get(name)?.lines ?? [];
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, { value, lines: [...prevLines, line] });
    }
  }

  async request(method, p, { body, headers = {}, timeoutMs } = {}) {
    const h = { ...headers };
    if (this.cookies.size && !('cookie' in h) && !('Cookie' in h)) h.cookie = this.cookieHeader();
    const url = this.url(p);
    const res = await fetch(url, {
      method,
      body,
      headers: h,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs ?? this.timeoutMs),
    });
    this.storeCookies(res);
    const buf = Buffer.from(await res.arrayBuffer());
    return wrapResponse(url, res.status, res.headers, buf, this.baseUrl);
  }

  get(p, opts) {
    return this.request('GET', p, opts);
  }

  /** POST fields (object, array of pairs or URLSearchParams) as application/x-www-form-urlencoded. */
  post(p, fields, { headers = {}, ...opts } = {}) {
    const body = typeof fields === 'string' || Buffer.isBuffer(fields) ? fields : encodeForm(fields);
    return this.request('POST', p, {
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      ...opts,
    });
  }

  /** Follow redirects of res with GETs (max 10). */
  async follow(res) {
    for (let i = 0; i < 10 && res.status >= 300 && res.status < 400 && res.location; i++) {
      res = await this.get(res.location);
    }
    return res;
  }

  /** GET a page and return its form matching `match` (see getForm), with the response. */
  async form(p, match) {
    const res = await this.get(p);
    assert.equal(res.status, 200, `GET ${p}: expected 200, got ${res.status}`);
    return { res, form: formOf(res, match) };
  }

  /** POST a form fetched from a page, overriding some fields (undefined removes one). */
  submit(form, overrides = {}) {
    const fields = { ...form.fields, ...overrides };
    for (const [k, v] of Object.entries(fields)) if (v === undefined) delete fields[k];
    return this.post(form.actionUrl ?? (form.action || '/'), fields);
  }
}

/** getForm on a response, with actionUrl resolved against the page URL. */
export function formOf(res, match) {
  const form = getForm(res.text, match);
  form.actionUrl = new URL(form.action || res.url, res.url).href;
  return form;
}

export function encodeForm(fields) {
  if (fields instanceof URLSearchParams) return fields.toString();
  const params = new URLSearchParams();
  const pairs = Array.isArray(fields) ? fields : Object.entries(fields ?? {});
  for (const [k, v] of pairs) {
    if (Array.isArray(v)) for (const x of v) params.append(k, x);
    else if (v !== undefined && v !== null) params.append(k, String(v));
  }
  return params.toString();
}

function wrapResponse(url, status, headers, buf, baseUrl) {
  const loc = headers.get('location');
  let location = null;
  let locationPath = null;
  if (loc) {
    const abs = new URL(loc, url);
    location = abs.href;
    locationPath = abs.origin === new URL(baseUrl).origin ? abs.pathname + abs.search : abs.href;
  }
  const text = buf.toString('utf8');
  return {
    url,
    status,
    headers,
    location, // absolute
    locationPath, // "/path?query" when same origin
    body: buf,
    text,
    contentType: headers.get('content-type') ?? '',
    json() {
      return JSON.parse(text);
    },
    /** Visible text with entities decoded, whitespace collapsed. */
    get pageText() {
      return htmlToText(text);
    },
  };
}

/**
 * Send one raw HTTP/1.1 request over a plain socket ("Connection: close") and
 * parse whatever answer arrives, even if the server answers before reading the
 * whole body and then resets the connection (e.g. 413). bodyDelayMs: wait
 * that long after the headers before sending the body (no body at all if the
 * server has answered meanwhile). Resolves
 * { status, headers, text }; rejects only when no status line was received.
 */
export function rawRequest(baseUrl, { method = 'POST', path: p = '/', headers = {}, body, timeoutMs = 20_000, bodyDelayMs = 0 }) {
  const u = new URL(p, baseUrl);
  const buf = body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(body) ? body : Buffer.from(body);
  const h = { host: u.host, connection: 'close', ...headers };
  if (body !== undefined && !Object.keys(h).some((k) => k.toLowerCase() === 'content-length')) {
    h['content-length'] = buf.length;
  }
  const head = `${method} ${u.pathname}${u.search} HTTP/1.1\r\n${Object.entries(h)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n')}\r\n\r\n`;
  return new Promise((resolve, reject) => {
    const chunks = [];
    let writeError = null;
    let settled = false;
    const sock = net.connect({ host: u.hostname, port: Number(u.port) });
    const finish = (err) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      sock.destroy();
      const raw = Buffer.concat(chunks);
      const sep = raw.indexOf('\r\n\r\n');
      const headText = (sep >= 0 ? raw.subarray(0, sep) : raw).toString('latin1');
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(headText);
      if (!m) {
        const why = err?.message ?? writeError?.message ?? 'connection closed';
        reject(new Error(`no HTTP response to ${method} ${p} (${why}; ${raw.length} bytes received)`));
        return;
      }
      const resHeaders = {};
      for (const line of headText.split('\r\n').slice(1)) {
        const k = line.indexOf(':');
        if (k > 0) resHeaders[line.slice(0, k).trim().toLowerCase()] = line.slice(k + 1).trim();
      }
      let bodyBuf = sep >= 0 ? raw.subarray(sep + 4) : Buffer.alloc(0);
      if (resHeaders['content-length']) bodyBuf = bodyBuf.subarray(0, Number(resHeaders['content-length']));
      resolve({ status: Number(m[1]), headers: resHeaders, text: bodyBuf.toString('utf8'), writeError });
    };
    const timer = setTimeout(() => finish(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
    sock.on('data', (c) => {
      chunks.push(c);
      // a complete Content-Length answer: no need to wait for the close
      const raw = Buffer.concat(chunks);
      const sep = raw.indexOf('\r\n\r\n');
      if (sep >= 0) {
        const cl = /\r\ncontent-length:\s*(\d+)/i.exec(raw.subarray(0, sep).toString('latin1'));
        if (cl && raw.length >= sep + 4 + Number(cl[1])) finish();
      }
    });
    sock.on('end', () => finish());
    sock.on('close', () => finish());
    sock.on('error', (e) => {
      // EPIPE/ECONNRESET while we were still writing: keep the answer if any
      writeError = e;
      finish(e);
    });
    sock.on('connect', async () => {
      sock.write(head);
      // Like curl with a large body: give the server a moment to refuse on the
      // headers alone (Content-Length too big) before sending the body.
      if (bodyDelayMs && buf.length) {
        await sleep(bodyDelayMs);
        if (settled || chunks.length) return;
      }
      let off = 0;
      const pump = () => {
        while (off < buf.length && !sock.destroyed) {
          const chunk = buf.subarray(off, off + 64 * 1024);
          off += chunk.length;
          if (!sock.write(chunk)) {
            sock.once('drain', pump);
            return;
          }
        }
      };
      pump();
    });
  });
}

// ---------------------------------------------------------------------------
// HTML helpers

const NAMED_ENTITIES = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', eacute: 'é', egrave: 'è',
  ecirc: 'ê', euml: 'ë', agrave: 'à', acirc: 'â', ccedil: 'ç', icirc: 'î', iuml: 'ï', ocirc: 'ô',
  ucirc: 'û', ugrave: 'ù', uuml: 'ü', Eacute: 'É', Egrave: 'È', Ecirc: 'Ê', Agrave: 'À', Ccedil: 'Ç',
  oelig: 'œ', OElig: 'Œ', laquo: '«', raquo: '»', rsquo: '’', lsquo: '‘', ldquo: '“', rdquo: '”',
  hellip: '…', ndash: '–', mdash: '—', middot: '·', copy: '©', euro: '€', thinsp: '\u2009',
  nnbsp: '\u202f',
};

export function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);/g, (m, e) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      try {
        return String.fromCodePoint(cp);
      } catch {
        return m;
      }
    }
    return NAMED_ENTITIES[e] ?? m;
  });
}

/** Visible text of an HTML document: no tags/scripts/styles, entities decoded, spaces collapsed. */
export function htmlToText(html) {
  return decodeEntities(
    html
      .replace(/<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<[^>]*>/g, ' '),
  )
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
}

export function parseAttrs(tagInner) {
  const attrs = {};
  const re = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;
  for (const m of tagInner.matchAll(re)) {
    const name = m[1].toLowerCase();
    if (name in attrs) continue;
    attrs[name] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

/** All <form> elements of a page with their successful controls. */
export function getForms(html) {
  const forms = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form\s*>/gi)) {
    const attrs = parseAttrs(m[1]);
    const inner = m[2];
    const inputs = [];
    const pairs = [];
    const controlRe =
      /<input\b([^>]*)>|<textarea\b([^>]*)>([\s\S]*?)<\/textarea\s*>|<select\b([^>]*)>([\s\S]*?)<\/select\s*>|<button\b([^>]*)>/gi;
    for (const c of inner.matchAll(controlRe)) {
      if (c[1] !== undefined) {
        const a = parseAttrs(c[1]);
        const type = (a.type ?? 'text').toLowerCase();
        const input = { tag: 'input', name: a.name, type, value: a.value ?? '', checked: 'checked' in a, attrs: a };
        inputs.push(input);
        if (!a.name || 'disabled' in a) continue;
        if (['submit', 'button', 'image', 'reset', 'file'].includes(type)) continue;
        if ((type === 'checkbox' || type === 'radio') && !input.checked) continue;
        pairs.push([a.name, type === 'checkbox' || type === 'radio' ? a.value ?? 'on' : a.value ?? '']);
      } else if (c[2] !== undefined) {
        const a = parseAttrs(c[2]);
        const value = decodeEntities(c[3]).replace(/^\r?\n/, '');
        inputs.push({ tag: 'textarea', name: a.name, type: 'textarea', value, attrs: a });
        if (a.name && !('disabled' in a)) pairs.push([a.name, value]);
      } else if (c[4] !== undefined) {
        const a = parseAttrs(c[4]);
        const options = [...c[5].matchAll(/<option\b([^>]*)>([\s\S]*?)(?=<option\b|<\/select|<\/optgroup|$)/gi)].map(
          (o) => {
            const oa = parseAttrs(o[1]);
            const label = htmlToText(o[2]);
            return { value: oa.value ?? label, label, selected: 'selected' in oa };
          },
        );
        const sel = options.find((o) => o.selected) ?? options[0];
        inputs.push({ tag: 'select', name: a.name, type: 'select', value: sel?.value ?? '', options, attrs: a });
        if (a.name && sel && !('disabled' in a)) pairs.push([a.name, sel.value]);
      } else if (c[6] !== undefined) {
        const a = parseAttrs(c[6]);
        inputs.push({ tag: 'button', name: a.name, type: (a.type ?? 'submit').toLowerCase(), value: a.value ?? '', attrs: a });
      }
    }
    const fields = {};
    for (const [k, v] of pairs) fields[k] = v;
    forms.push({
      action: attrs.action ?? '',
      method: (attrs.method ?? 'get').toLowerCase(),
      attrs,
      inputs,
      pairs,
      fields,
      csrf_token: fields.csrf_token,
      html: m[0],
    });
  }
  return forms;
}

/**
 * The form of a page matching `match`: a string (the action contains it, or it
 * names a field the form has), a RegExp on the action, a predicate, or nothing
 * (the first POST form). Throws with the list of forms when none matches.
 */
export function getForm(html, match) {
  const forms = getForms(html);
  let pred;
  if (match === undefined) pred = (f) => f.method === 'post';
  else if (typeof match === 'function') pred = match;
  else if (match instanceof RegExp) pred = (f) => match.test(f.action);
  else pred = (f) => f.action.split('?')[0].endsWith(match) || f.inputs.some((i) => i.name === match);
  const f = forms.find(pred);
  if (!f) {
    const list = forms.map((x) => `  <form method=${x.method} action=${x.action}> fields: ${Object.keys(x.fields).join(',')}`);
    throw new Error(`no form matching ${match} on the page; forms:\n${list.join('\n') || '  (none)'}`);
  }
  return f;
}

// ---------------------------------------------------------------------------
// Accounts (shared by the HTTP and browser suites)

let uniq = 0;
/** A unique e-mail address for this run. */
export function uniqueEmail(tag = 'user') {
  return `${tag}.${process.pid}.${Date.now().toString(36)}.${++uniq}@exemple.fr`;
}

// ---------------------------------------------------------------------------
// Browser: launchBrowser, newContext, checkA11y (axe-core and the layout check)

export { AXE_PATH, AXE_TAGS, launchBrowser, newContext, checkA11y } from './browser.mjs';
export { checkLayout, layoutProblems, LAYOUT_WIDTHS } from './layout.mjs';
