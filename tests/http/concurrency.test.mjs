// The rush on a "premier arrivé" cycle, over HTTP: 200 people from 200 different
// collectivités (real communes of the referential), plus a few colleagues of
// some of them, register for one 15-seat cycle at the same instant through the
// API. On SQLite with one server; on PostgreSQL with two `ateliers serve`
// processes sharing the database, requests alternating between them.
//
// Expected: no 5xx; exactly 15 confirmed (seats 1..15), everyone else from a
// new collectivité waiting with positions 1..N, all distinct, in arrival order;
// the second person of a collectivité refused (409); never two active
// registrations for one collectivité.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { makeTempDir, startPostgres, startServer, withServerLog } from '../support/harness.mjs';
import {
  createBulkUsers,
  keepAliveAgent,
  pickCommunes,
  queryRows,
  registrationBody,
  requestJson,
  startServeOnly,
} from '../support/bulk.mjs';

const SETUP_TIMEOUT = 300_000;
const PEOPLE = 200;
const COLLEAGUES_OF = [0, 7, 42, 99, 150, 199]; // indices of people who get a colleague
const SLUG = 'forets-cooperer';
const CAPACITY = 15;

const BACKENDS = {
  sqlite: {
    servers: 1,
    async start() {
      const tmp = await makeTempDir('sqlite');
      return { url: `sqlite:${path.join(tmp.dir, 'test.db')}`, stop: () => tmp.remove() };
    },
  },
  postgresql: { servers: 2, start: startPostgres },
};

for (const [backend, { servers: serverCount, start }] of Object.entries(BACKENDS)) {
  describe(`inscriptions simultanées — ${backend}, ${serverCount} serveur(s)`, () => {
    let db;
    const servers = [];
    const agents = [];
    const t = (fn) => withServerLog(() => servers[0], fn);

    before(
      async () => {
        db = await start();
        servers.push(await startServer({ db: db.url }));
        // The others only serve: the database is already migrated and seeded.
        while (servers.length < serverCount) servers.push(await startServeOnly({ db: db.url }));
      },
      { timeout: SETUP_TIMEOUT },
    );

    after(
      async () => {
        for (const a of agents) a.destroy();
        for (const stop of [...servers.map((s) => () => s.stop()), () => db?.stop()]) {
          try {
            await stop();
          } catch (e) {
            console.error(`cleanup: ${e.message}`);
          }
        }
      },
      { timeout: 60_000 },
    );

    it(`${PEOPLE} collectivités + ${COLLEAGUES_OF.length} collègues à la même seconde : ${CAPACITY} confirmés, les autres en attente dans l’ordre`, { timeout: 240_000 }, t(async () => {
      const cycle = queryRows(db.url, `SELECT id, capacity, mode FROM cycles WHERE slug = '${SLUG}'`)[0];
      assert.deepEqual(cycle.slice(1), [String(CAPACITY), 'first_come']);
      const cycleId = Number(cycle[0]);
      assert.equal(queryRows(db.url, `SELECT COUNT(*) FROM registrations WHERE cycle_id = ${cycleId}`)[0][0], '0');

      // 200 distinct real communes, far from the demo's own collectivités.
      const communes = pickCommunes(db.url, PEOPLE, { offset: 3000 });
      assert.equal(new Set(communes).size, PEOPLE);
      const people = createBulkUsers(db.url, communes.map((collectiviteId) => ({ collectiviteId })), { tag: 'rush' });
      const colleagues = createBulkUsers(
        db.url,
        COLLEAGUES_OF.map((i) => ({ collectiviteId: communes[i], fullName: `Collègue ${i}` })),
        { tag: 'rush-colleague' },
      );
      const [organiser] = createBulkUsers(db.url, [{ collectiviteId: 'commune:42168', role: 'organiser' }], { tag: 'rush-org' });

      // Interleave the colleagues among the others, then alternate servers.
      const everyone = [...people];
      colleagues.forEach((c, k) => everyone.splice(COLLEAGUES_OF[k] + k + 1, 0, c));
      const bases = servers.map((s) => s.baseUrl);
      for (const _ of bases) agents.push(keepAliveAgent(everyone.length));
      const requests = everyone.map((user, i) => ({ user, i, server: i % bases.length }));

      // Open every connection first, so that the registrations leave together.
      await Promise.all(requests.map(({ server }) => requestJson(bases[server], agents[server], 'GET', '/healthz')));
      const started = Date.now();
      const results = await Promise.all(
        requests.map(({ user, i, server }) =>
          requestJson(bases[server], agents[server], 'POST', `/api/v1/cycles/${SLUG}/registrations`, {
            token: user.token,
            body: registrationBody(user, i),
            timeoutMs: 120_000,
          }),
        ),
      );
      const elapsed = Date.now() - started;

      const statuses = {};
      for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      console.log(`# ${backend}: ${results.length} registrations in ${elapsed} ms over ${bases.length} server(s); statuses ${JSON.stringify(statuses)}`);
      const broken = results.map((r, k) => ({ ...r, k })).filter((r) => r.status === 0 || r.status >= 500);
      assert.deepEqual(broken.map((r) => `${r.status} ${r.error ?? r.text}`), [], 'no 5xx and no network error');

      // One accepted registration per collectivité; every colleague pair: one 201, one 409 on the collectivité.
      const accepted = new Map();
      results.forEach((r, k) => {
        if (r.status !== 201) return;
        const c = requests[k].user.collectiviteId;
        assert.ok(!accepted.has(c), `two registrations accepted for ${c}`);
        accepted.set(c, { ...r.json, userId: requests[k].user.id });
      });
      assert.equal(accepted.size, PEOPLE, 'every collectivité got exactly one registration');
      results.forEach((r, k) => {
        if (r.status === 201) return;
        assert.equal(r.status, 409, `unexpected ${r.status}: ${r.text}`);
        assert.ok(r.json.fields.collectivite, `409 on the collectivité: ${r.text}`);
      });
      assert.equal(statuses[409], COLLEAGUES_OF.length);

      const created = [...accepted.values()];
      const confirmed = created.filter((r) => r.status === 'confirmed');
      const waiting = created.filter((r) => r.status === 'waiting');
      assert.equal(confirmed.length, CAPACITY, 'exactly 15 confirmed');
      assert.equal(waiting.length, PEOPLE - CAPACITY, 'all the others waiting');
      assert.ok(confirmed.every((r) => r.waiting_position === null));
      assert.deepEqual(
        waiting.map((r) => r.waiting_position).sort((a, b) => a - b),
        Array.from({ length: PEOPLE - CAPACITY }, (_, k) => k + 1),
        'waiting positions are 1..N, all distinct',
      );
      if (bases.length > 1) {
        for (let s = 0; s < bases.length; s++) {
          const mine = results.filter((r, k) => requests[k].server === s && r.status === 201).length;
          assert.ok(mine > 0, `server ${s} registered people too`);
        }
      }

      // The organisers' view agrees, in arrival order.
      const list = await requestJson(bases[0], agents[0], 'GET', `/api/v1/cycles/${SLUG}/registrations`, { token: organiser.token });
      assert.equal(list.status, 200, list.text);
      const regs = list.json.registrations;
      assert.deepEqual(list.json.cycle.counts, { applied: 0, confirmed: CAPACITY, waiting: PEOPLE - CAPACITY, declined: 0, cancelled: 0 });
      assert.deepEqual(
        regs.filter((r) => r.status === 'confirmed').map((r) => r.seat).sort((a, b) => a - b),
        Array.from({ length: CAPACITY }, (_, k) => k + 1),
        'seats 1..15, each once',
      );
      const byId = new Map(created.map((r) => [r.id, r]));
      for (const r of regs) assert.equal(r.waiting_position, byId.get(r.id).waiting_position, `position of ${r.id}`);
      const lastConfirmed = Math.max(...regs.filter((r) => r.status === 'confirmed').map((r) => r.arrival_ms));
      const firstWaiting = Math.min(...regs.filter((r) => r.status === 'waiting').map((r) => r.arrival_ms));
      assert.ok(lastConfirmed <= firstWaiting, 'the confirmed arrived before everyone waiting');
      const inArrivalOrder = regs.filter((r) => r.status === 'waiting').map((r) => r.waiting_position);
      assert.deepEqual(inArrivalOrder, [...inArrivalOrder].sort((a, b) => a - b), 'waiting positions follow arrival order');

      // And the database itself: never two active registrations for one collectivité.
      const doubles = queryRows(
        db.url,
        `SELECT collectivite_id, COUNT(*) FROM registrations WHERE cycle_id = ${cycleId} AND status IN ('applied', 'confirmed', 'waiting') GROUP BY collectivite_id HAVING COUNT(*) > 1`,
      );
      assert.deepEqual(doubles, []);
      assert.equal(queryRows(db.url, `SELECT COUNT(*) FROM registrations WHERE cycle_id = ${cycleId}`)[0][0], String(PEOPLE));
    }));
  });
}
