// The agency dashboard, measured: the demo's programme grows to 15 territories, each with
// 3 years × 40 actions, 20 follow-ups per action and four rated assessments (diagnostic and
// three reviews, every criterion rated); an organiser then opens /programmes/SLUG REQUESTS
// times in a row. Prints median and p95 (server-side work plus loopback HTTP).
//
//   node bench/programmes.mjs [--requests 50] [--target-ms 50]
import path from 'node:path';
import { HttpClient, makeTempDir, processCpuMs, startServer } from '../tests/support/harness.mjs';
import { login } from '../tests/support/flows.mjs';
import { BULK_PASSWORD, createBulkUsers, percentile, queryRows, runSql } from '../tests/support/bulk.mjs';

const SLUG = 'territoires-engagement';
const TERRITORIES = 15;
const ACTIONS_PER_YEAR = 40;
const FOLLOW_UPS = 20;

function options(argv) {
  const o = { requests: 50, targetMs: 50 };
  for (let i = 0; i < argv.length; i += 2) {
    const [k, v] = [argv[i], Number(argv[i + 1])];
    if (k === '--requests') o.requests = v;
    else if (k === '--target-ms') o.targetMs = v;
    else throw new Error(`unknown option ${k}`);
  }
  return o;
}

function fill(db) {
  const programme = queryRows(db, `SELECT id FROM programmes WHERE slug = '${SLUG}'`)[0][0];
  const now = Math.floor(Date.now() / 1000);
  // Up to 15 territories: the demo's, then collectivités of the referential.
  runSql(db, `INSERT INTO programme_territories (programme_id, collectivite_id, label, demo, created_at)
    SELECT ${programme}, c.id, c.name, 1, ${now} FROM collectivites c
    WHERE c.id NOT IN (SELECT collectivite_id FROM programme_territories WHERE programme_id = ${programme})
    ORDER BY c.id LIMIT ${TERRITORIES} - (SELECT COUNT(*) FROM programme_territories WHERE programme_id = ${programme})`);
  const territories = queryRows(db, `SELECT id FROM programme_territories WHERE programme_id = ${programme}`).map((r) => r[0]);
  const grid = queryRows(db, 'SELECT id, max_level FROM grid_versions ORDER BY version DESC LIMIT 1')[0];
  const statuses = ['proposee', 'en_cours', 'bloquee', 'faite', 'abandonnee'];
  const kinds = ['formation', 'conduite_changement', 'projet_phare'];
  // Foreign keys on, so that deleting the demo's actions and assessments removes their rows too.
  const sql = ['PRAGMA foreign_keys = ON;', 'BEGIN;', `DELETE FROM plan_actions WHERE territory_id IN (${territories.join(',')});`,
    `DELETE FROM assessments WHERE territory_id IN (${territories.join(',')});`];
  let n = 0;
  for (const t of territories) {
    for (let year = 1; year <= 3; year++) {
      for (let i = 0; i < ACTIONS_PER_YEAR; i++, n++) {
        const status = statuses[n % 5];
        const updated = now - (n % 90) * 86400;  // some are overdue
        sql.push(`INSERT INTO plan_actions (territory_id, title, kind, years, families, status, progress, updated_at, created_at)
          VALUES (${t}, 'Action ${n}', '${kinds[n % 3]}', '${year}', 'cooperer', '${status}', ${status === 'faite' ? 100 : n % 100}, ${updated}, ${now});`);
        sql.push(`INSERT INTO action_follow_ups (action_id, author_name, status_before, status_after, progress_before,
          progress_after, comment, created_at) SELECT (SELECT MAX(id) FROM plan_actions), 'Bench', 'proposee', 'en_cours', 0, 10,
          'Suivi', ${now} FROM (SELECT 1 ${'UNION ALL SELECT 1 '.repeat(FOLLOW_UPS - 1)});`);
      }
    }
    for (let year = 0; year <= 3; year++) {
      sql.push(`INSERT INTO assessments (territory_id, grid_version_id, year, updated_at) VALUES (${t}, ${grid[0]}, ${year}, ${now});`);
      sql.push(`INSERT INTO assessment_answers (assessment_id, criterion_id, grid_version_id, level)
        SELECT (SELECT MAX(id) FROM assessments), c.id, c.grid_version_id, 1 + ((c.id + ${year} + ${t}) % ${grid[1]}) FROM grid_criteria c
        WHERE c.grid_version_id = ${grid[0]};`);
    }
    sql.push(`INSERT INTO plan_versions (territory_id, number, status, snapshot, adopted_at, created_at)
      SELECT ${t}, 99, 'adopted', '[]', ${now}, ${now} WHERE NOT EXISTS (SELECT 1 FROM plan_versions WHERE territory_id = ${t} AND status = 'adopted');`);
  }
  sql.push('COMMIT;');
  runSql(db, sql.join('\n'));
  const counts = queryRows(db, `SELECT (SELECT COUNT(*) FROM programme_territories WHERE programme_id = ${programme}),
    (SELECT COUNT(*) FROM plan_actions), (SELECT COUNT(*) FROM action_follow_ups), (SELECT COUNT(*) FROM assessment_answers)`)[0];
  return counts;
}

async function main() {
  const o = options(process.argv.slice(2));
  const tmp = await makeTempDir('sqlite');
  const db = `sqlite:${path.join(tmp.dir, 'programmes.db')}`;
  let server;
  try {
    console.error('==> sqlite: preparing the database (migrate, referential, demo) and the server');
    server = await startServer({ db });
    const [territories, actions, followUps, answers] = fill(db);
    console.error(`==> ${territories} territories, ${actions} actions, ${followUps} follow-ups, ${answers} answers`);
    const [organiser] = createBulkUsers(db, [{ collectiviteId: 'commune:42218', role: 'organiser', fullName: 'Olga ANCT' }], { tag: 'benchprog' });
    const c = new HttpClient(server.baseUrl);
    await login(c, organiser.email, BULK_PASSWORD);
    const warm = await c.get(`/programmes/${SLUG}`);
    if (warm.status !== 200 || !/Tableau de bord de l’ANCT/.test(warm.text)) throw new Error(`dashboard not shown (${warm.status})`);
    const times = [];
    const cpuBefore = processCpuMs(server.pid);
    for (let i = 0; i < o.requests; i++) {
      const start = process.hrtime.bigint();
      const r = await c.get(`/programmes/${SLUG}`);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      if (r.status !== 200) throw new Error(`status ${r.status}`);
    }
    const cpuPerPage = (processCpuMs(server.pid) - cpuBefore) / o.requests;
    times.sort((a, b) => a - b);
    const median = percentile(times, 50);
    console.log(`dashboard /programmes/${SLUG} (${territories} territories, ${actions} actions, ${followUps} follow-ups), ` +
      `${o.requests} requests: median ${median.toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${times.at(-1).toFixed(1)} ms; ` +
      `server CPU ${cpuPerPage.toFixed(1)} ms per page (steadier than wall-clock times on a shared machine)`);
    console.log(`target (median < ${o.targetMs} ms): ${median < o.targetMs ? 'met' : 'TARGET MISSED'}`);
  } finally {
    await server?.stop();
    await tmp.remove();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
