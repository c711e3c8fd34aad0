// Running a cycle over HTTP, black-box, on SQLite: one session state on every page
// (runner, attendance, facilitators' overview, participant's page, cycle page), and
// phase instructions edited in the plan and shown to participants.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { HttpClient, SERVER_BIN, formOf, makeTempDir, startServer, withServerLog } from '../support/harness.mjs';
import { login } from '../support/flows.mjs';
import {
  BULK_PASSWORD,
  createBulkUsers,
  keepAliveAgent,
  pickCommunes,
  q,
  queryRows,
  registrationBody,
  requestJson,
  runSql,
} from '../support/bulk.mjs';

const SETUP_TIMEOUT = 300_000;
const TEST_TIMEOUT = 60_000;
const SLUG = 'forets-cooperer';
const DAY = 86_400;

describe('animer un cycle : état des séances et consignes — sqlite', () => {
  let tmp;
  let dbUrl;
  let server;
  let base;
  let agent;
  let facilitator;
  let participant;
  const t = (fn) => withServerLog(() => server, fn);
  const loggedIn = async (user) => {
    const c = new HttpClient(base);
    await login(c, user.email, BULK_PASSWORD);
    return c;
  };
  const sessionId = (n) =>
    queryRows(dbUrl, `SELECT s.id FROM cycle_sessions s JOIN cycles c ON c.id = s.cycle_id WHERE c.slug = ${q(SLUG)} AND s.number = ${n}`)[0][0];
  const moveSessions = (firstStart) =>
    runSql(dbUrl, `UPDATE cycle_sessions SET starts_at = ${firstStart} + (number - 1) * ${14 * DAY},
      ends_at = ${firstStart + 7200} + (number - 1) * ${14 * DAY} WHERE cycle_id = (SELECT id FROM cycles WHERE slug = ${q(SLUG)});`);
  const runner = async (client, n, action) => {
    const { form } = await client.form(`/animation/${SLUG}/seances/${n}/direct`, (f) => f.action.endsWith('/direct') && f.inputs.some((i) => i.value === action));
    // Ending is confirmed (live.js asks with a dialog and sends confirm=oui).
    const res = await client.submit(form, action === 'end' ? { action, confirm: 'oui' } : { action });
    assert.equal(res.status, 303, `${action}: ${res.pageText.slice(0, 400)}`);
  };

  before(
    async () => {
      tmp = await makeTempDir('sqlite');
      dbUrl = `sqlite:${path.join(tmp.dir, 'test.db')}`;
      server = await startServer({ db: dbUrl });
      base = server.baseUrl;
      agent = keepAliveAgent(4);
      const now = Math.floor(Date.now() / 1000);
      moveSessions(now + 7 * DAY);
      const communes = pickCommunes(dbUrl, 2, { offset: 3300 });
      [facilitator, participant] = createBulkUsers(dbUrl, [
        { collectiviteId: communes[0], fullName: 'Fanny Facilitatrice' },
        { collectiviteId: communes[1], fullName: 'Paul Participant' },
      ], { tag: 'run' });
      const res = await requestJson(base, agent, 'POST', `/api/v1/cycles/${SLUG}/registrations`, { token: participant.token, body: registrationBody(participant, 0) });
      assert.equal(res.status, 201, res.text);
      const grant = spawnSync(SERVER_BIN, ['user', 'grant', facilitator.email, 'facilitator', '--cycle', SLUG, '--db', dbUrl], { encoding: 'utf8', timeout: 60_000 });
      assert.equal(grant.status, 0, grant.stderr);
    },
    { timeout: SETUP_TIMEOUT },
  );

  after(
    async () => {
      agent?.destroy();
      for (const stop of [() => server?.stop(), () => tmp?.remove()]) {
        try {
          await stop();
        } catch (e) {
          console.error(`cleanup: ${e.message}`);
        }
      }
    },
    { timeout: 60_000 },
  );

  it('phase instructions: filled in the default plan, edited by the facilitator, shown to participants', { timeout: TEST_TIMEOUT }, t(async () => {
    const f = await loggedIn(facilitator);
    const planPath = `/animation/${SLUG}/seances/1/plan`;
    const { form } = await f.form(planPath, 'phase_instructions_0');
    assert.match(form.fields.phase_instructions_2, /^Le client expose sa situation en 10 minutes/, 'the default template’s instructions');
    const mine = 'Caméra allumée : un mot chacun sur votre commune.';
    const saved = await f.submit(form, { phase_instructions_0: mine, action: 'save' });
    assert.equal(saved.status, 303, saved.pageText.slice(0, 600));
    assert.equal(formOf(await f.follow(saved), 'phase_instructions_0').fields.phase_instructions_0, mine);

    const tooLong = 'x'.repeat(601);
    const refused = await f.submit(form, { phase_instructions_1: tooLong, phase_title_3: 'Nouveau titre', action: 'save' });
    assert.equal(refused.status, 422);
    assert.match(refused.pageText, /Les consignes de l’étape 2 dépassent 600 caractères/);
    const kept = formOf(refused, 'phase_instructions_1');
    assert.equal(kept.fields.phase_instructions_1, tooLong, 'what was typed is kept');
    assert.equal(kept.fields.phase_title_3, 'Nouveau titre');

    // "Ajouter une étape" keeps the instructions typed in the other rows.
    const added = await f.submit(form, { phase_instructions_0: 'Tapé, pas encore enregistré', action: 'add' });
    assert.equal(added.status, 200);
    assert.equal(formOf(added, 'phase_instructions_0').fields.phase_instructions_0, 'Tapé, pas encore enregistré');

    await runner(f, 1, 'start');
    const p = await loggedIn(participant);
    const state = await p.get(`/direct/seances/${sessionId(1)}/etat`);
    assert.equal(state.status, 200);
    assert.equal(state.json().instructions, mine);
    assert.equal(state.json().phase.instructions, mine);
    const live = await p.get(`/espace/seances/${sessionId(1)}`);
    assert.equal(live.status, 200);
    assert.match(live.text, new RegExp(`data-live-text="instructions"[^>]*>${mine}</p>`));
    await runner(f, 1, 'next');
    const next = (await p.get(`/direct/seances/${sessionId(1)}/etat`)).json();
    assert.match(next.instructions, /^L’intervenant·e éclaire le thème du cycle/);

    const o = createBulkUsers(dbUrl, [{ collectiviteId: pickCommunes(dbUrl, 1, { offset: 3310 })[0], fullName: 'Olga Organisatrice', role: 'organiser' }], { tag: 'run' })[0];
    const oc = await loggedIn(o);
    const { form: template } = await oc.form('/admin/modeles-de-seance/co-developpement', 'phase_instructions_0');
    assert.match(template.fields.phase_instructions_5, /écrit au client sur cette page/);
    const savedTemplate = await oc.submit(template, { phase_instructions_5: 'Écrivez vos idées au client.', action: 'save' });
    assert.equal(savedTemplate.status, 303, savedTemplate.pageText.slice(0, 600));
    const { form: again } = await oc.form('/admin/modeles-de-seance/co-developpement', 'phase_instructions_5');
    assert.equal(again.fields.phase_instructions_5, 'Écrivez vos idées au client.');
  }));

  it('a session ended in the runner before its slot is over everywhere, and takes attendance', { timeout: TEST_TIMEOUT }, t(async () => {
    const f = await loggedIn(facilitator);
    await runner(f, 1, 'end');
    const p = await loggedIn(participant);
    const state = (await p.get(`/direct/seances/${sessionId(1)}/etat`)).json();
    assert.equal(state.state, 'ended');
    assert.equal(state.stage_label, 'Terminée');
    assert.equal(state.headline, 'La séance est terminée');

    const attendance = await f.get(`/animation/${SLUG}/seances/1/presences`);
    assert.equal(attendance.status, 200);
    assert.doesNotMatch(attendance.pageText, /pas encore commencé/);
    assert.match(attendance.pageText, /Terminée/);
    const form = formOf(attendance, `presence_${queryRows(dbUrl, `SELECT id FROM registrations WHERE user_id = ${participant.id}`)[0][0]}`);
    const name = form.inputs.find((i) => i.type === 'radio').name;
    const res = await f.submit(form, { [name]: 'present' });
    assert.equal(res.status, 303, res.pageText.slice(0, 600));

    const overview = await f.get(`/animation/${SLUG}`);
    const rows = [...overview.text.matchAll(/<tr>\s*<th scope="row">Séance (\d)<\/th>[\s\S]*?<\/tr>/g)].map((m) => [m[1], m[0]]);
    assert.equal(rows.length, 4);
    assert.match(rows[0][1], /Terminée/);
    assert.match(rows[1][1], /À venir/);
  }));

  it('a cycle whose slots have passed lists its sessions as over, although nobody used the runner', { timeout: TEST_TIMEOUT }, t(async () => {
    const now = Math.floor(Date.now() / 1000);
    moveSessions(now - 60 * DAY);
    const f = await loggedIn(facilitator);
    const overview = await f.get(`/animation/${SLUG}`);
    assert.equal(overview.status, 200);
    assert.equal((overview.pageText.match(/Terminée/g) ?? []).length, 4, overview.pageText);
    assert.doesNotMatch(overview.pageText, /À venir/);
    const home = await f.get('/animation');
    assert.doesNotMatch(home.text.split(SLUG)[1] ?? '', /À venir/);

    const attendance = await f.get(`/animation/${SLUG}/seances/4/presences`);
    assert.doesNotMatch(attendance.pageText, /pas encore commencé/);
    assert.match(attendance.pageText, /Terminée/);

    const participantPage = (await (await loggedIn(participant)).get(`/direct/seances/${sessionId(4)}/etat`)).json();
    assert.equal(participantPage.stage_label, 'Terminée');
    assert.equal(participantPage.headline, 'La séance est terminée');

    const cycle = await new HttpClient(base).get(`/cycles/${SLUG}`);
    assert.equal(cycle.status, 200);
    assert.equal((cycle.pageText.match(/Terminée/g) ?? []).length, 4, 'the cycle page says each session is over');
  }));
});
