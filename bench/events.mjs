// The events rush, measured: USERS people register to the demo's "Journées des Territoires"
// through POST /api/v1/events/{slug}/registrations, each choosing one of the 6 parallel
// workshops of its second-day morning slot (30 places each; person i takes workshop i mod 6),
// CONNECTIONS requests in flight (keep-alive). The event's own capacity is raised to USERS so
// that the workshops are what fills up. Prints registrations/s and latency percentiles, then
// checks the outcome in the database: no workshop over 30, seats 1..30, everyone else in the
// workshop's queue, and nobody holding a seat who arrived after someone still waiting.
//
//   node bench/events.mjs [--users 2000] [--connections 64] [--threads 2] [--target-p99-ms 100]
// Exit status: 0 when the outcome is exact (a missed latency target is only reported).
import path from 'node:path';
import { makeTempDir, startServer } from '../tests/support/harness.mjs';
import { createBulkUsers, keepAliveAgent, percentile, pickCommunes, queryRows, requestJson, runPool, runSql } from '../tests/support/bulk.mjs';

const SLUG = 'journees-des-territoires';

function options(argv) {
  const o = { users: 2000, connections: 64, threads: 2, targetP99Ms: 100 };
  for (let i = 0; i < argv.length; i += 2) {
    const [k, v] = [argv[i], Number(argv[i + 1])];
    if (k === '--users') o.users = v;
    else if (k === '--connections') o.connections = v;
    else if (k === '--threads') o.threads = v;
    else if (k === '--target-p99-ms') o.targetP99Ms = v;
    else throw new Error(`unknown option ${k}`);
  }
  return o;
}

const fmt = (ms) => `${ms.toFixed(1)} ms`;

async function main() {
  const o = options(process.argv.slice(2));
  const tmp = await makeTempDir('sqlite');
  const db = `sqlite:${path.join(tmp.dir, 'events.db')}`;
  let server;
  let agent;
  let ok = false;
  try {
    console.error('==> sqlite: preparing the database (migrate, referential, demo) and the server');
    server = await startServer({ db, extraArgs: ['--threads', String(o.threads)] });
    runSql(db, `UPDATE events SET capacity = ${o.users} WHERE slug = '${SLUG}'`);
    const rows = queryRows(db, `SELECT s.id, i.id, i.capacity FROM event_slots s JOIN events e ON e.id = s.event_id
      JOIN event_items i ON i.slot_id = s.id WHERE e.slug = '${SLUG}' ORDER BY s.starts_at, i.position`);
    const slotIds = [...new Set(rows.map((r) => r[0]))];
    const slot = slotIds[1];
    const workshops = rows.filter((r) => r[0] === slot).map((r) => ({ id: Number(r[1]), capacity: Number(r[2]) }));
    if (workshops.length !== 6) throw new Error(`expected 6 workshops in the second slot, found ${workshops.length}`);

    console.error(`==> creating ${o.users} accounts and API tokens`);
    const communes = pickCommunes(db, o.users, { offset: 100 });
    const users = createBulkUsers(db, communes.map((collectiviteId) => ({ collectiviteId })), { tag: 'benchevt' });
    const bodies = users.map((u, i) => JSON.stringify({
      organisation: `Organisation ${i}`, organisation_kind: 'collectivite', function_title: 'DGS', attendance: 'in_person',
      choices: { [slot]: workshops[i % 6].id },
    }));
    agent = keepAliveAgent(o.connections);
    await runPool(Array.from({ length: o.connections * 2 }, (_, i) => i), o.connections, () =>
      requestJson(server.baseUrl, agent, 'GET', '/api/v1/cycles'));

    console.error(`==> ${o.users} registrations, ${o.connections} in flight, ${o.threads} threads`);
    const started = process.hrtime.bigint();
    const results = await runPool(users, o.connections, (u, i) =>
      requestJson(server.baseUrl, agent, 'POST', `/api/v1/events/${SLUG}/registrations`, { token: u.token, body: bodies[i], timeoutMs: 60_000 }));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
    const statuses = {};
    for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    const p99 = percentile(latencies, 99);

    const checks = [[`all ${o.users} answered 201`, statuses[201] === o.users]];
    for (const [k, w] of workshops.entries()) {
      const choosers = users.filter((_, i) => i % 6 === k).length;
      const [held, waiting, maxSeat, lastHeld, firstWaiting] = queryRows(db, `SELECT
        SUM(CASE WHEN status = 'held' THEN 1 ELSE 0 END), SUM(CASE WHEN status = 'waiting' THEN 1 ELSE 0 END),
        MAX(seat), MAX(CASE WHEN status = 'held' THEN arrival END), MIN(CASE WHEN status = 'waiting' THEN arrival END)
        FROM event_choices WHERE item_id = ${w.id}`)[0].map(Number);
      checks.push([`workshop ${k + 1}: ${Math.min(choosers, w.capacity)} seats held (≤ ${w.capacity}), ${Math.max(0, choosers - w.capacity)} waiting`,
        held === Math.min(choosers, w.capacity) && waiting === Math.max(0, choosers - w.capacity) && maxSeat <= w.capacity]);
      checks.push([`workshop ${k + 1}: queue in arrival order (no seat for a later arrival)`, !(waiting > 0) || lastHeld <= firstWaiting]);
    }
    ok = checks.every(([, pass]) => pass);
    console.log(`\nsqlite: ${o.users} registrations to one event, 6 parallel workshops of 30, ${o.connections} connections, ${o.threads} threads`);
    console.log(`  statuses         ${JSON.stringify(statuses)}`);
    console.log(`  duration         ${seconds.toFixed(2)} s`);
    console.log(`  registrations/s  ${(o.users / seconds).toFixed(0)}`);
    console.log(`  latency          p50 ${fmt(percentile(latencies, 50))}   p90 ${fmt(percentile(latencies, 90))}   p99 ${fmt(p99)}   max ${fmt(latencies[latencies.length - 1])}`);
    for (const [what, pass] of checks) console.log(`  ${pass ? 'ok    ' : 'FAILED'}           ${what}`);
    console.log(`  target           p99 < ${o.targetP99Ms} ms: ${p99 < o.targetP99Ms ? 'met' : 'TARGET MISSED'}`);
    for (const e of results.filter((r) => r.status !== 201).slice(0, 3)) console.log(`  e.g. ${e.status} ${e.error ?? e.text}`);
  } finally {
    agent?.destroy();
    await server?.stop().catch(() => {});
    await tmp.remove();
  }
  process.exitCode = ok ? 0 : 1;
}

main().catch((e) => {
  console.error(e.stack ?? e.message);
  process.exit(1);
});
