// The registration rush, measured: USERS distinct people (each from a different
// real commune) register for one 15-seat "premier arrivé" cycle through
// POST /api/v1/cycles/{slug}/registrations, CONNECTIONS requests in flight at
// any time (keep-alive), spread round-robin over SERVERS `ateliers serve`
// processes sharing one database. Prints registrations/s and latency
// percentiles, then checks the outcome in the database: exactly 15 confirmed,
// everyone else waiting with positions 1..N, one registration per collectivité.
//
// Called by bench/rush.sh; usable alone:
//   node bench/rush.mjs --db sqlite:/tmp/x.db|postgresql://… [--servers 1] [--users 2000]
//                       [--connections 64] [--threads 2] [--target-p99-ms 50] [--label sqlite]
//                       [--serve-arg ARG]…   (extra `ateliers serve` arguments, e.g. --serve-arg --no-worker)
//                       [--summary FILE]     (appends one tab-separated line: label, processes,
//                                             registrations/s, p50, p99, max in ms, ok|FAILED)
// Exit status: 0 when the outcome is correct (a missed latency target is only
// reported), 1 otherwise.
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { makeTempDir, startServer } from '../tests/support/harness.mjs';
import {
  createBulkUsers,
  keepAliveAgent,
  percentile,
  pickCommunes,
  queryRows,
  registrationBody,
  requestJson,
  runPool,
  startServeOnly,
} from '../tests/support/bulk.mjs';

const SLUG = 'forets-cooperer';
const CAPACITY = 15;

function options(argv) {
  const o = { db: '', servers: 1, users: 2000, connections: 64, threads: 2, targetP99Ms: 50, label: '', serveArgs: [], summary: '' };
  for (let i = 0; i < argv.length; i++) {
    const [k, v] = [argv[i], argv[i + 1]];
    const take = () => {
      i++;
      return v;
    };
    if (k === '--db') o.db = take();
    else if (k === '--servers') o.servers = Number(take());
    else if (k === '--users') o.users = Number(take());
    else if (k === '--connections') o.connections = Number(take());
    else if (k === '--threads') o.threads = Number(take());
    else if (k === '--target-p99-ms') o.targetP99Ms = Number(take());
    else if (k === '--label') o.label = take();
    else if (k === '--serve-arg') o.serveArgs.push(take());
    else if (k === '--summary') o.summary = take();
    else throw new Error(`unknown option ${k}`);
  }
  return o;
}

const fmt = (ms) => `${ms.toFixed(1)} ms`;

async function main() {
  const o = options(process.argv.slice(2));
  let tmp;
  if (!o.db) {
    tmp = await makeTempDir('sqlite');
    o.db = `sqlite:${path.join(tmp.dir, 'rush.db')}`;
  }
  const label = o.label || (o.db.startsWith('postgres') ? 'postgresql' : 'sqlite');
  const servers = [];
  const agents = [];
  let ok = false;
  try {
    const serveArgs = ['--threads', String(o.threads), ...o.serveArgs];
    console.error(`==> ${label}: preparing the database (migrate, referential, demo) and ${o.servers} server(s)`);
    servers.push(await startServer({ db: o.db, extraArgs: serveArgs }));
    while (servers.length < o.servers) servers.push(await startServeOnly({ db: o.db, extraArgs: serveArgs }));

    const cycle = queryRows(o.db, `SELECT id, capacity, mode FROM cycles WHERE slug = '${SLUG}'`)[0];
    if (!cycle || cycle[1] !== String(CAPACITY) || cycle[2] !== 'first_come') throw new Error(`cycle ${SLUG} is not a 15-seat first_come cycle`);
    const cycleId = Number(cycle[0]);
    const before = Number(queryRows(o.db, `SELECT COUNT(*) FROM registrations WHERE cycle_id = ${cycleId}`)[0][0]);
    if (before !== 0) throw new Error(`cycle ${SLUG} already has ${before} registrations: use a fresh database`);

    console.error(`==> ${label}: creating ${o.users} accounts and API tokens from ${o.users} distinct communes`);
    const communes = pickCommunes(o.db, o.users, { offset: 100 });
    const users = createBulkUsers(o.db, communes.map((collectiviteId) => ({ collectiviteId })), { tag: 'bench' });
    const bodies = users.map((u, i) => JSON.stringify(registrationBody(u, i)));

    const bases = servers.map((s) => s.baseUrl);
    for (const _ of bases) agents.push(keepAliveAgent(o.connections));
    // Warm up: open the connections and touch the catalogue (not measured).
    await runPool(Array.from({ length: o.connections * 2 }, (_, i) => i), o.connections, (i) =>
      requestJson(bases[i % bases.length], agents[i % bases.length], 'GET', '/api/v1/cycles'),
    );

    console.error(`==> ${label}: ${o.users} registrations, ${o.connections} in flight, over ${bases.length} server(s) × ${o.threads} threads`);
    const started = process.hrtime.bigint();
    const results = await runPool(users, o.connections, (u, i) =>
      requestJson(bases[i % bases.length], agents[i % bases.length], 'POST', `/api/v1/cycles/${SLUG}/registrations`, {
        token: u.token,
        body: bodies[i],
        timeoutMs: 60_000,
      }),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;

    const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
    const statuses = {};
    for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    const p50 = percentile(latencies, 50);
    const p90 = percentile(latencies, 90);
    const p99 = percentile(latencies, 99);
    const max = latencies[latencies.length - 1];

    const counts = Object.fromEntries(
      queryRows(o.db, `SELECT status, COUNT(*) FROM registrations WHERE cycle_id = ${cycleId} GROUP BY status`).map(([s, n]) => [s, Number(n)]),
    );
    const doubles = queryRows(
      o.db,
      `SELECT COUNT(*) FROM (SELECT collectivite_id FROM registrations WHERE cycle_id = ${cycleId} AND status IN ('applied','confirmed','waiting') GROUP BY collectivite_id HAVING COUNT(*) > 1) d`,
    )[0][0];
    const positions = results.filter((r) => r.json?.status === 'waiting').map((r) => r.json.waiting_position).sort((a, b) => a - b);
    const positionsOk = positions.length === o.users - CAPACITY && positions.every((p, k) => p === k + 1);

    const checks = [
      [`all ${o.users} answered 201`, statuses[201] === o.users],
      [`exactly ${CAPACITY} confirmed`, counts.confirmed === CAPACITY],
      [`${o.users - CAPACITY} waiting`, counts.waiting === o.users - CAPACITY],
      ['waiting positions 1..N, distinct', positionsOk],
      ['one active registration per collectivité', doubles === '0'],
    ];
    ok = checks.every(([, pass]) => pass);

    console.log(`\n${label}: ${o.users} registrations, ${o.connections} connections, ${bases.length} server process(es) × ${o.threads} threads`);
    console.log(`  statuses         ${JSON.stringify(statuses)}`);
    console.log(`  duration         ${seconds.toFixed(2)} s`);
    console.log(`  registrations/s  ${(o.users / seconds).toFixed(0)}`);
    console.log(`  latency          p50 ${fmt(p50)}   p90 ${fmt(p90)}   p99 ${fmt(p99)}   max ${fmt(max)}`);
    console.log(`  outcome          ${JSON.stringify(counts)}`);
    for (const [what, pass] of checks) console.log(`  ${pass ? 'ok    ' : 'FAILED'}           ${what}`);
    if (o.targetP99Ms > 0)
      console.log(`  target           p99 < ${o.targetP99Ms} ms: ${p99 < o.targetP99Ms ? 'met' : 'TARGET MISSED'}`);
    if (o.summary)
      appendFileSync(
        o.summary,
        [label, bases.length, (o.users / seconds).toFixed(0), p50.toFixed(1), p99.toFixed(1), max.toFixed(1), ok ? 'ok' : 'FAILED'].join('\t') + '\n',
      );
    const errors = results.filter((r) => r.status !== 201).slice(0, 3);
    for (const e of errors) console.log(`  e.g. ${e.status} ${e.error ?? e.text}`);
  } finally {
    for (const a of agents) a.destroy();
    for (const s of servers) await s.stop().catch(() => {});
    if (tmp) await tmp.remove();
  }
  process.exitCode = ok ? 0 : 1;
}

main().catch((e) => {
  console.error(e.stack ?? e.message);
  process.exit(1);
});
