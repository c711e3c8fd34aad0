// Live sessions under load: CYCLES cycles, each with one session under way and
// its groups planned, PARTICIPANTS confirmed participants in all, each with a
// browser-like page open on /direct/seances/ID/flux (server-sent events, logged
// in by the session cookie). The CYCLES facilitators then change phase at the same
// moment, ROUNDS times; we measure, for every page, the delay from the start of
// its facilitator's POST to the event carrying the new version. Prints count,
// p50, p95, p99 and max; target p99 < TARGET ms.
//
// Called by bench/live.sh; usable alone:
//   node bench/live.mjs [--cycles 30] [--participants 500] [--rounds 5] [--threads 2] [--target-p99-ms 1000]
// Exit status: 1 when an event is missing or the setup fails; a missed target is only reported.
import path from 'node:path';
import { makeTempDir, sleep, startServer } from '../tests/support/harness.mjs';
import { percentile, runPool } from '../tests/support/bulk.mjs';
import { openStream, postTransition, seedLive } from '../tests/support/live.mjs';

function options(argv) {
  const o = { cycles: 30, participants: 500, rounds: 5, threads: 2, targetP99Ms: 1000 };
  for (let i = 0; i < argv.length; i += 2) {
    const [k, v] = [argv[i], Number(argv[i + 1])];
    if (k === '--cycles') o.cycles = v;
    else if (k === '--participants') o.participants = v;
    else if (k === '--rounds') o.rounds = v;
    else if (k === '--threads') o.threads = v;
    else if (k === '--target-p99-ms') o.targetP99Ms = v;
    else throw new Error(`unknown option ${k}`);
  }
  return o;
}

const log = (s) => process.stderr.write(`==> ${s}\n`);

async function main() {
  const o = options(process.argv.slice(2));
  const tmp = await makeTempDir('benchlive');
  const db = `sqlite:${path.join(tmp.dir, 'bench.db')}`;
  let server;
  const streams = [];
  try {
    log(`preparing SQLite database and server (${o.threads} HTTP threads)`);
    server = await startServer({ db, extraArgs: ['--threads', String(o.threads)] });
    const t0 = performance.now();
    const { cycles, people } = seedLive(db, { cycles: o.cycles, participants: o.participants, prefix: 'banc' });
    log(`seeded ${cycles.length} cycles, ${people.length} participants in ${Math.round(performance.now() - t0)} ms`);

    // arrivals.get(sessionId).get(version) -> [ms…], one per page
    const arrivals = new Map(cycles.map((c) => [c.sessionId, new Map()]));
    const record = (sessionId) => (version, at) => {
      const byVersion = arrivals.get(sessionId);
      if (!byVersion.has(version)) byVersion.set(version, []);
      byVersion.get(version).push(at);
    };
    const t1 = performance.now();
    await runPool(people, 50, async (p) => {
      const s = await openStream(server.baseUrl, p.cookie, p.cycle.sessionId, record(p.cycle.sessionId));
      if (s.status !== 200) throw new Error(`stream of ${p.email}: HTTP ${s.status}`);
      streams.push(s.req);
    });
    log(`${streams.length} event streams open in ${Math.round(performance.now() - t1)} ms`);

    const sent = [];  // { sessionId, version, started }
    const posts = [];
    for (let round = 0; round < o.rounds; round++) {
      const action = round === 0 ? 'start' : 'next';
      const results = await Promise.all(
        cycles.map((c) => postTransition(server.baseUrl, c.slug, 1, c.facilitator.cookie, action)));
      results.forEach((r, i) => {
        if (r.status !== 200) throw new Error(`${action} on ${cycles[i].slug}: HTTP ${r.status}`);
        sent.push({ sessionId: cycles[i].sessionId, version: r.json.version, started: r.started });
        posts.push(r.ms);
      });
      await sleep(1500);
    }
    await sleep(1000);

    const delays = [];
    let missing = 0;
    for (const s of sent) {
      const pages = cycles.find((c) => c.sessionId === s.sessionId).members.length;
      const got = arrivals.get(s.sessionId).get(s.version) ?? [];
      missing += pages - got.length;
      for (const at of got) delays.push(at - s.started);
    }
    delays.sort((a, b) => a - b);
    posts.sort((a, b) => a - b);
    const f = (x) => `${x.toFixed(1)} ms`;
    console.log(`live: ${cycles.length} sessions, ${streams.length} open pages, ${o.rounds} rounds of ${cycles.length} simultaneous phase changes`);
    console.log(`  phase change POST answered: p50 ${f(percentile(posts, 50))}, p99 ${f(percentile(posts, 99))}, max ${f(posts[posts.length - 1])}`);
    console.log(`  POST → page delay: count ${delays.length}, p50 ${f(percentile(delays, 50))}, p95 ${f(percentile(delays, 95))}, p99 ${f(percentile(delays, 99))}, max ${f(delays[delays.length - 1])}`);
    console.log(`  missing events: ${missing}`);
    const p99 = percentile(delays, 99);
    console.log(p99 < o.targetP99Ms ? `  target p99 < ${o.targetP99Ms} ms: met` : `  TARGET MISSED: p99 ${f(p99)} ≥ ${o.targetP99Ms} ms`);
    return missing === 0 ? 0 : 1;
  } finally {
    for (const s of streams) s.destroy();
    await server?.stop();
    await tmp.remove();
  }
}

main().then((code) => process.exit(code), (e) => {
  console.error(e.stack || e.message);
  process.exit(1);
});
