// A session run live in Chromium: the facilitator prepares the plan and runs the
// session; the participants' pages (open at the same time) follow each phase
// change within 2 s through server-sent events; a group member posts an idea the
// client sees live; the client records an action lead, follows it up in /espace
// and finds it again at the next session. axe-core on every page visited.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { HttpClient, checkA11y, newContext } from '../support/harness.mjs';
import { useBrowserFixture } from '../support/browser_fixture.mjs';
import { BULK_PASSWORD, createBulkUsers, pickCommunes, queryRows, runSql } from '../support/bulk.mjs';
import { login } from '../support/flows.mjs';

const CYCLE = 'forets-cooperer';
const IDEA = 'Réunir chasseurs et randonneurs autour d’une carte commune des usages';
const LEAD = 'Organiser une marche exploratoire avec l’ONF avant l’été';

/** GET path without reading the body: status and headers of a stream. */
function headersOf(baseUrl, p, cookie) {
  return new Promise((resolve, reject) => {
    const req = http.get(new URL(p, baseUrl), { headers: { cookie, accept: 'text/event-stream' } }, (res) => {
      resolve({ status: res.statusCode, headers: res.headers });
      res.destroy();
    });
    req.on('error', reject);
    req.setTimeout(5000, () => req.destroy(new Error('no answer within 5 s')));
  });
}

/** The runner shows exactly these controls, each with its whole label. */
async function assertControls(page, labels) {
  await page.waitForFunction((want) => {
    const shown = [...document.querySelectorAll('[data-live-form] button')].filter((b) => b.offsetParent !== null);
    return shown.map((b) => b.innerText.trim()).join('|') === want.join('|');
  }, labels, { timeout: 5000 }).catch(() => {});
  const shown = await page.locator('[data-live-form] button:visible').evaluateAll((bs) => bs.map((b) => ({
    text: b.innerText.trim(), cut: b.scrollWidth > b.clientWidth + 1, width: b.getBoundingClientRect().width,
  })));
  assert.deepEqual(shown.map((b) => b.text), labels, 'only the controls valid in this state');
  for (const b of shown) assert.ok(!b.cut && b.width > 80, `« ${b.text} » shows its whole label (${Math.round(b.width)} px)`);
}

describe('séance en direct', () => {
  const fx = useBrowserFixture();
  const { t } = fx;

  it('phases reach the participants within 2 s, ideas reach the client, leads are followed up', { timeout: 240_000 }, t(async () => {
    const base = fx.server.baseUrl;
    const communes = pickCommunes(fx.db, 5);
    const [fanny, claire, marc, olga, oscar] = createBulkUsers(fx.db, [
      { collectiviteId: communes[0], fullName: 'Fanny Animatrice' },
      { collectiviteId: communes[1], fullName: 'Claire Cliente' },
      { collectiviteId: communes[2], fullName: 'Marc Membre' },
      { collectiviteId: communes[3], fullName: 'Olga Organisatrice', role: 'organiser' },
      { collectiviteId: communes[4], fullName: 'Oscar Ailleurs' },
    ], { tag: 'live' });
    const now = Math.floor(Date.now() / 1000);
    const [[cycleId]] = queryRows(fx.db, `SELECT id FROM cycles WHERE slug = '${CYCLE}'`);
    const sessions = queryRows(fx.db, `SELECT id FROM cycle_sessions WHERE cycle_id = ${cycleId} ORDER BY number`).map((r) => r[0]);
    const [s1, s2] = sessions;
    const reg = (u, seat) => `INSERT INTO registrations (cycle_id, user_id, collectivite_id, collectivite_slot, mandate, function_title, situation, status, seat, arrival, created_at, updated_at) VALUES (${cycleId}, ${u.id}, '${u.collectiviteId}', '${u.collectiviteId}', 'elu', 'Maire', 'Notre forêt communale est au cœur de conflits d’usage entre chasseurs, randonneurs et exploitants.', 'confirmed', ${seat}, ${now}, ${now}, ${now});`;
    runSql(fx.db, [
      `INSERT INTO user_roles (user_id, role, scope) SELECT ${fanny.id}, 'facilitator', CAST(id AS TEXT) FROM cycles WHERE slug = '${CYCLE}';`,
      reg(claire, 1),
      reg(marc, 2),
      // Session 1 is under way now, with a video link; groups planned by the facilitator.
      `UPDATE cycle_sessions SET starts_at = ${now - 600}, ends_at = ${now + 6600}, visio_url = 'https://visio.example.fr/foret' WHERE id = ${s1};`,
      `INSERT INTO session_groups (session_id, registration_id, group_number, is_client) SELECT ${s1}, id, 1, CASE WHEN user_id = ${claire.id} THEN 1 ELSE 0 END FROM registrations WHERE cycle_id = ${cycleId} AND status = 'confirmed';`,
    ].join('\n'));

    const errors = [];
    const open = async (user, opts = {}) => {
      const ctx = await newContext(fx.browser, opts);
      const page = await ctx.newPage();
      page.on('pageerror', (e) => errors.push(`${user.fullName}: ${e.message}`));
      await page.goto(`${base}/compte/connexion`);
      await page.locator('input[name="email"]').fill(user.email);
      await page.locator('input[name="password"]').fill(BULK_PASSWORD);
      await Promise.all([page.waitForURL(/\/espace$/), page.getByRole('button', { name: 'Se connecter' }).click()]);
      return { ctx, page };
    };
    const a11y = (page, label) => checkA11y(page, { label: `${label} (${page.url()})` });
    const headline = '[data-live-text="headline"]';

    const fac = await open(fanny);
    const member = await open(marc);
    const client = await open(claire);
    try {
      // The facilitator's pages.
      await fac.page.goto(`${base}/animation`);
      await a11y(fac.page, 'espace d’animation');
      await fac.page.getByRole('link', { name: 'Forêts : comment coopérer pour en prendre soin ?', exact: true }).click();
      await fac.page.waitForURL(new RegExp(`/animation/${CYCLE}$`));
      await a11y(fac.page, 'séances du cycle');
      assert.ok(await fac.page.locator(`a[href="/animation/${CYCLE}/groupes"]`).count(), 'links the groups page');
      assert.ok(await fac.page.locator(`a[href="/animation/${CYCLE}/seances/1/presences"]`).count(), 'links attendance');

      // Plan: a longer first phase is saved with a warning, then the template comes back.
      await fac.page.getByRole('link', { name: 'Plan de la séance 1' }).click();
      await fac.page.waitForURL(/\/seances\/1\/plan$/);
      await a11y(fac.page, 'plan de la séance');
      await fac.page.locator('#phase_minutes_0').fill('25');
      await fac.page.getByRole('button', { name: 'Descendre l’étape 1' }).click();
      await fac.page.waitForLoadState('load');
      assert.match(await fac.page.locator('body').innerText(), /Modifications non enregistrées/);
      assert.equal(await fac.page.locator('#phase_title_1').inputValue(), 'Accueil et météo', 'moved down, not saved');
      await fac.page.getByRole('button', { name: 'Enregistrer le plan' }).first().click();
      await fac.page.waitForURL(/plan\?enregistre=1/);
      assert.match(await fac.page.locator('body').innerText(), /Le plan dure 2 h 10 alors que la séance dure 2 h : 10 min de trop/);
      await a11y(fac.page, 'plan enregistré avec avertissement');
      await fac.page.locator('#phase_title_0').fill('');
      await fac.page.getByRole('button', { name: 'Enregistrer le plan' }).first().click();
      await fac.page.waitForLoadState('load');
      assert.match(await fac.page.locator('.fr-alert--error').innerText(), /Indiquez le titre de l’étape 1/);
      await a11y(fac.page, 'plan en erreur');
      await fac.page.getByRole('button', { name: 'Rétablir le modèle' }).click();
      await fac.page.waitForURL(/plan\?retabli=1/);
      assert.equal(await fac.page.locator('#phase_title_0').inputValue(), 'Accueil et météo');

      await fac.page.goto(`${base}/animation/${CYCLE}/seances/1/direct`);
      await a11y(fac.page, 'animation en direct, avant le début');
      await assertControls(fac.page, ['Démarrer la séance']);

      // The participants reach their live page from /espace.
      await member.page.goto(`${base}/espace`);
      await member.page.getByRole('link', { name: /Séance 1 de « Forêts : comment coopérer/ }).click();
      await member.page.waitForURL(new RegExp(`/espace/seances/${s1}$`));
      const memberText = await member.page.locator('main').innerText();
      // Its slot has begun, the runner not yet: under way, as on every other page.
      assert.match(memberText, /En cours\s+La séance commence/i);
      assert.match(memberText, /Groupe 1 – client : Claire Cliente/);
      assert.match(memberText, /Marc Membre/);
      assert.equal(await member.page.getByRole('link', { name: 'Rejoindre la visioconférence' }).getAttribute('href'),
        'https://visio.example.fr/foret');
      await a11y(member.page, 'page du participant avant le début');
      // Only the client is tagged client, only the viewer "vous".
      const tagged = (page, text) => page.locator('[data-live-list="group.members"] > li').filter({ has: page.locator('.fr-badge:visible', { hasText: text }) });
      assert.deepEqual(await tagged(member.page, 'Client').locator('[data-live-text="name"]').allInnerTexts(), ['Claire Cliente']);
      assert.deepEqual(await tagged(member.page, 'Vous').locator('[data-live-text="name"]').allInnerTexts(), ['Marc Membre']);
      await client.page.goto(`${base}/espace/seances/${s1}`);
      await a11y(client.page, 'page du client avant le début');

      // Each phase change reaches both participants' pages within 2 s.
      const delays = [];
      const step = async (button, title) => {
        const started = Date.now();
        await Promise.all([
          ...[member.page, client.page].map((p) => p.waitForFunction(
            ([sel, want]) => document.querySelector(sel)?.textContent === want, [headline, title], { timeout: 5000, polling: 20 })),
          fac.page.getByRole('button', { name: button, exact: true }).click(),
        ]);
        const ms = Date.now() - started;
        delays.push(ms);
        assert.ok(ms < 2000, `« ${title} » reached the pages in ${ms} ms`);
      };
      await step('Démarrer la séance', 'Accueil et météo');
      await assertControls(fac.page, ['Pause', 'Étape suivante', 'Terminer la séance']);
      assert.match(await member.page.locator('[data-live-timer]').innerText(), /^(15:00|14:5\d)$/);
      await step('Étape suivante', 'Éclairage');
      await step('Étape suivante', 'Exposé du client');
      await step('Étape précédente', 'Éclairage');
      await step('Étape suivante', 'Exposé du client');
      await step('Étape suivante', 'Questions de clarification');
      await step('Étape suivante', 'Contrat');
      await step('Étape suivante', 'Consultation');
      console.log(`phase change → participant pages: ${delays.join(', ')} ms`);
      assert.equal(await member.page.locator('[data-live-announce]').innerText(),
        'Étape 6 sur 9 : Consultation (25 min, en groupes).', 'the polite region announces the phase');
      await a11y(fac.page, 'animation en direct pendant la consultation');

      // Pause: the countdown stops on every page.
      await fac.page.getByRole('button', { name: 'Pause', exact: true }).click();
      await member.page.waitForFunction(() => document.querySelector('[data-live-text="stage_label"]').textContent === 'En pause');
      const frozen = await member.page.locator('[data-live-timer]').innerText();
      await member.page.waitForTimeout(1500);
      assert.equal(await member.page.locator('[data-live-timer]').innerText(), frozen, 'paused: time stands still');
      await assertControls(fac.page, ['Étape précédente', 'Reprendre la séance', 'Étape suivante', 'Terminer la séance']);
      await fac.page.getByRole('button', { name: 'Reprendre la séance', exact: true }).click();
      await member.page.waitForFunction(() => document.querySelector('[data-live-text="stage_label"]').textContent === 'En cours');
      await assertControls(fac.page, ['Étape précédente', 'Pause', 'Étape suivante', 'Terminer la séance']);

      // An idea from a member reaches the client (and the facilitator) live.
      await member.page.locator('#idee').fill(IDEA);
      const sent = Date.now();
      await Promise.all([
        client.page.getByText(IDEA).waitFor({ timeout: 5000 }),
        member.page.getByRole('button', { name: 'Envoyer l’idée' }).click(),
      ]);
      const ideaMs = Date.now() - sent;
      console.log(`idea → client page: ${ideaMs} ms`);
      assert.ok(ideaMs < 2000, `the idea reached the client in ${ideaMs} ms`);
      await fac.page.getByText(IDEA).waitFor({ timeout: 5000 });
      assert.equal(await member.page.locator('#idee').inputValue(), '', 'the field is emptied once sent');
      assert.equal(await client.page.locator('#idee').isVisible(), false, 'the client posts no idea');
      await a11y(member.page, 'page du participant pendant la consultation');
      await a11y(client.page, 'page du client avec une idée');

      // Synthèse: the client records an action lead.
      await step('Étape suivante', 'Synthèse et plan d’action');
      assert.equal(await member.page.locator('#idee').isVisible(), false, 'ideas closed after the consultation');
      await client.page.locator('#piste').fill(LEAD);
      await client.page.getByRole('button', { name: 'Enregistrer la piste' }).click();
      await client.page.locator('[data-live-list="my_leads"]').getByText(LEAD).waitFor({ timeout: 5000 });
      await a11y(client.page, 'page du client à la synthèse');

      // Without JavaScript, the page shows the state at load and an "Actualiser" link.
      const nojs = await newContext(fx.browser, { javaScriptEnabled: false });
      try {
        const p = await nojs.newPage();
        await p.goto(`${base}/compte/connexion`);
        await p.locator('input[name="email"]').fill(marc.email);
        await p.locator('input[name="password"]').fill(BULK_PASSWORD);
        await Promise.all([p.waitForURL(/\/espace$/), p.getByRole('button', { name: 'Se connecter' }).click()]);
        await p.goto(`${base}/espace/seances/${s1}`);
        assert.equal(await p.locator(headline).innerText(), 'Synthèse et plan d’action');
        assert.ok(await p.getByRole('link', { name: 'Actualiser' }).isVisible());
        await a11y(p, 'page du participant sans JavaScript');
      } finally {
        await nojs.close();
      }

      // The lead in the client's space, followed up, then again at the next session.
      await client.page.goto(`${base}/espace`);
      assert.match(await client.page.locator('#pistes').innerText(), new RegExp(LEAD));
      await client.page.locator('#pistes select').first().selectOption('in_progress');
      await client.page.locator('#pistes textarea').first().fill('Date fixée avec l’ONF');
      await client.page.getByRole('button', { name: 'Enregistrer le suivi' }).first().click();
      await client.page.waitForURL(/\/espace\?suivi=1/);
      assert.match(await client.page.locator('#pistes').innerText(), /En cours/);
      await a11y(client.page, 'espace avec pistes d’action');
      await client.page.goto(`${base}/espace/seances/${s2}`);
      const next = await client.page.locator('#ou-en-etes-vous').innerText();
      assert.match(next, new RegExp(LEAD));
      assert.equal(await client.page.locator('#ou-en-etes-vous select').first().inputValue(), 'in_progress');
      await a11y(client.page, 'séance suivante : où en êtes-vous ?');

      // Without JavaScript, ending goes through a confirmation step.
      const facNoJs = await open(fanny, { javaScriptEnabled: false });
      try {
        const p = facNoJs.page;
        await p.goto(`${base}/animation/${CYCLE}/seances/1/direct`);
        assert.equal(await p.getByRole('button', { name: 'Démarrer la séance' }).isVisible(), false, 'hidden without JavaScript too');
        await p.getByRole('button', { name: 'Terminer la séance' }).click();
        await p.waitForLoadState('load');
        assert.match(await p.locator('#confirmer-fin').innerText(), /Terminer la séance \?/);
        assert.equal(await member.page.locator(headline).innerText(), 'Synthèse et plan d’action', 'not ended before confirming');
        await a11y(p, 'confirmation de fin de séance sans JavaScript');
        assert.match(await p.getByRole('link', { name: 'Non, continuer la séance' }).getAttribute('href'), /\/seances\/1\/direct$/);
        await p.getByRole('button', { name: 'Oui, terminer la séance' }).click();
        await member.page.waitForFunction(([sel]) => document.querySelector(sel).textContent === 'La séance est terminée', [headline]);
      } finally {
        await facNoJs.ctx.close();
      }
      await assertControls(fac.page, ['Étape précédente']);
      await fac.page.getByRole('button', { name: 'Étape précédente', exact: true }).click();
      await member.page.waitForFunction(([sel]) => document.querySelector(sel).textContent !== 'La séance est terminée', [headline]);
      const resumed = await member.page.locator(headline).innerText();

      // With it, a dialog asks: declined, the session goes on; accepted, it ends.
      const questions = [];
      fac.page.once('dialog', (d) => { questions.push(d.message()); d.dismiss(); });
      await fac.page.getByRole('button', { name: 'Terminer la séance' }).click();
      await fac.page.waitForTimeout(500);
      assert.match(questions.join(), /Terminer la séance \?/);
      assert.equal(await member.page.locator(headline).innerText(), resumed, 'declined: not ended');
      fac.page.once('dialog', (d) => d.accept());
      await fac.page.getByRole('button', { name: 'Terminer la séance' }).click();
      await member.page.waitForFunction(([sel]) => document.querySelector(sel).textContent === 'La séance est terminée', [headline]);
      await assertControls(fac.page, ['Étape précédente']);

      // The stream: headers a proxy needs, and refused to others.
      const cookie = await fac.ctx.cookies().then((cs) => cs.map((c) => `${c.name}=${c.value}`).join('; '));
      const stream = await headersOf(base, `/direct/seances/${s1}/flux`, cookie);
      assert.equal(stream.status, 200);
      assert.match(stream.headers['content-type'], /^text\/event-stream/);
      assert.equal(stream.headers['x-accel-buffering'], 'no');
      assert.equal(stream.headers['cache-control'], 'no-cache');
      const outsider = new HttpClient(base);
      await login(outsider, oscar.email, BULK_PASSWORD);
      assert.equal((await headersOf(base, `/direct/seances/${s1}/flux`, outsider.cookieHeader())).status, 403);
      assert.equal((await headersOf(base, `/direct/seances/${s1}/flux`, '')).status, 401);
      assert.equal((await outsider.get(`/espace/seances/${s1}`)).status, 403);
      const json = await outsider.get(`/direct/seances/${s1}/etat`);
      assert.equal(json.status, 403);

      // Organisers edit the templates.
      const orga = await open(olga);
      try {
        await orga.page.goto(`${base}/admin/modeles-de-seance`);
        await a11y(orga.page, 'modèles de séance');
        await orga.page.getByRole('link', { name: 'Modifier « Co-développement (2 h) »' }).click();
        await a11y(orga.page, 'modèle de séance');
        assert.equal(await orga.page.locator('#phase_title_5').inputValue(), 'Consultation');
      } finally {
        await orga.ctx.close();
      }
      assert.deepEqual(errors, [], 'no JavaScript error');
    } finally {
      for (const c of [fac, member, client]) await c.ctx.close();
    }
  }));
});
