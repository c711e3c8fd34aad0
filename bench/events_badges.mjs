// The badge sheet for PEOPLE confirmed people (issue 11): PEOPLE register to the demo's
// "Journées des Territoires" through the API, each choosing a workshop in every slot, then
// an organiser downloads the sheet. Measured: the whole request for the PDF (server: read
// the registrations, sign the tickets, draw the QR codes, lay out the HTML, WeasyPrint),
// and WeasyPrint alone on the same page under /usr/bin/time -v (its wall time and peak
// memory: the conversion is the heavy part and runs as its own process).
//
//   node bench/events_badges.mjs [--people 500]
// Exit status: 0 when the PDF holds every badge (pages = ceil(people / 8), every name found).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { HttpClient, makeTempDir, startServer } from '../tests/support/harness.mjs';
import { login } from '../tests/support/flows.mjs';
import { BULK_PASSWORD, createBulkUsers, keepAliveAgent, pickCommunes, queryRows, requestJson, runPool, runSql } from '../tests/support/bulk.mjs';

const SLUG = 'journees-des-territoires';

function options(argv) {
  const o = { people: 500 };
  for (let i = 0; i < argv.length; i += 2) {
    if (argv[i] === '--people') o.people = Number(argv[i + 1]);
    else throw new Error(`unknown option ${argv[i]}`);
  }
  return o;
}

async function main() {
  const o = options(process.argv.slice(2));
  const tmp = await makeTempDir('badges');
  const db = `sqlite:${path.join(tmp.dir, 'events.db')}`;
  let server;
  let agent;
  let ok = false;
  try {
    console.error('==> sqlite: preparing the database (migrate, referential, demo) and the server');
    server = await startServer({ db });
    runSql(db, `UPDATE events SET capacity = ${o.people} WHERE slug = '${SLUG}'`);
    runSql(db, `UPDATE event_items SET capacity = NULL WHERE event_id = (SELECT id FROM events WHERE slug = '${SLUG}')`);
    const rows = queryRows(db, `SELECT s.id, i.id FROM event_slots s JOIN events e ON e.id = s.event_id
      JOIN event_items i ON i.slot_id = s.id WHERE e.slug = '${SLUG}' ORDER BY s.starts_at, i.position`);
    const slots = new Map();
    for (const [slot, item] of rows) slots.set(slot, [...(slots.get(slot) ?? []), item]);

    console.error(`==> ${o.people} registrations, one workshop per slot (${slots.size} slots)`);
    const communes = pickCommunes(db, o.people + 1, { offset: 100 });
    const users = createBulkUsers(db, communes.slice(0, o.people).map((collectiviteId, i) => ({
      collectiviteId, fullName: `Participant·e ${String(i).padStart(4, '0')} Badge`,
    })), { tag: 'benchbadge' });
    const [organiser] = createBulkUsers(db, [{ collectiviteId: communes[o.people], fullName: 'Olga Bench', role: 'organiser' }], { tag: 'benchorga' });
    agent = keepAliveAgent(16);
    const results = await runPool(users, 16, (u, i) => {
      const choices = {};
      for (const [slot, items] of slots) choices[slot] = Number(items[i % items.length]);
      return requestJson(server.baseUrl, agent, 'POST', `/api/v1/events/${SLUG}/registrations`, {
        token: u.token, timeoutMs: 60_000,
        body: JSON.stringify({ organisation: `Communauté de communes n° ${i}`, organisation_kind: 'collectivite',
          function_title: 'Chargé·e de mission', attendance: 'in_person', choices }),
      });
    });
    const created = results.filter((r) => r.status === 201).length;
    if (created !== o.people) throw new Error(`${created} registrations out of ${o.people}: ${results.find((r) => r.status !== 201)?.text}`);

    const c = new HttpClient(server.baseUrl);
    await login(c, organiser.email, BULK_PASSWORD);
    const html = path.join(tmp.dir, 'badges.html');
    const page = await c.get(`/admin/evenements/${SLUG}/badges.html`, { timeoutMs: 180_000 });
    fs.writeFileSync(html, page.body);
    // WeasyPrint alone, with the arguments the server gives it (platform/export/document_conversion.cpp).
    const again = path.join(tmp.dir, 'again.pdf');
    const timed = spawnSync('/usr/bin/time', ['-v', 'weasyprint', '--quiet', '--encoding', 'utf-8', html, again], { encoding: 'utf8' });
    const field = (name) => timed.stderr.match(new RegExp(`${name}: (.+)`))?.[1]?.trim();

    // The whole request: the server stops a conversion after a minute and answers 500.
    const t0 = process.hrtime.bigint();
    // A fresh connection: the previous one idled through WeasyPrint's run and the server closed it.
    const fresh = new HttpClient(server.baseUrl);
    await login(fresh, organiser.email, BULK_PASSWORD);
    const res = await fresh.get(`/admin/evenements/${SLUG}/badges.pdf`, { timeoutMs: 180_000 })
      .catch((e) => ({ status: 0, body: Buffer.alloc(0), pageText: `Erreur ${e.message} ${e.cause?.message ?? ''}` }));
    const requestSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const pdf = path.join(tmp.dir, 'badges.pdf');
    if (res.status === 200) fs.writeFileSync(pdf, res.body);
    const checked = res.status === 200 ? pdf : again;
    const pages = Number(execFileSync('pdfinfo', [checked], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)[1]);
    // A long name may wrap on its badge: compare with whitespace collapsed.
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', checked, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    const found = users.filter((u) => text.includes(u.fullName)).length;
    const expectedPages = Math.ceil(o.people / 8);
    ok = pages === expectedPages && found === o.people && timed.status === 0 && res.status === 200;
    console.log(`\nsqlite: badge sheet for ${o.people} confirmed people (${slots.size} workshop slots each)`);
    console.log(res.status === 200
      ? `  GET badges.pdf   ${requestSeconds.toFixed(2)} s, ${(res.body.length / 1024 / 1024).toFixed(2)} MiB, ${pages} pages`
      : `  GET badges.pdf   FAILED ${res.status} after ${requestSeconds.toFixed(2)} s: ${res.pageText.match(/Erreur (.{0,200})/)?.[1] ?? ''}`);
    console.log(`  weasyprint       wall ${field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)')}, user CPU ${field('User time \\(seconds\\)')} s, peak memory ${(Number(field('Maximum resident set size \\(kbytes\\)')) / 1024).toFixed(0)} MiB (/usr/bin/time -v)`);
    console.log(`  html page        ${(page.body.length / 1024).toFixed(0)} KiB`);
    console.log(`  ${pages === expectedPages ? 'ok    ' : 'FAILED'}           ${expectedPages} pages of 8 badges (${checked === pdf ? "the server's PDF" : "WeasyPrint's own run"})`);
    console.log(`  ${found === o.people ? 'ok    ' : 'FAILED'}           every name in the PDF (${found}/${o.people})`);
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
