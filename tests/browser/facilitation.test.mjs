// The facilitator's groups and attendance pages in Chromium, with axe-core
// (WCAG 2.1 A/AA) on each: compose the groups with the keyboard-reachable form,
// move and lock a person, record a session's attendance, read the cycle's rates.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkA11y, newContext } from '../support/harness.mjs';
import { useBrowserFixture } from '../support/browser_fixture.mjs';
import { BULK_PASSWORD, createBulkUsers, pickCommunes, q, queryRows, runSql } from '../support/bulk.mjs';

const CYCLE = 'forets-cooperer';
const DAY = 86_400;

describe('animation des groupes et des présences dans le navigateur', () => {
  let organiser;
  const fx = useBrowserFixture({
    setup: ({ db: dbUrl }) => {
      const now = Math.floor(Date.now() / 1000);
      runSql(dbUrl, `UPDATE cycle_sessions SET starts_at = ${now + 7 * DAY} + (number - 1) * ${14 * DAY},
        ends_at = ${now + 7 * DAY + 7200} + (number - 1) * ${14 * DAY}
        WHERE cycle_id = (SELECT id FROM cycles WHERE slug = ${q(CYCLE)});`);
      const communes = pickCommunes(dbUrl, 12, { offset: 5000 });
      [organiser] = createBulkUsers(dbUrl, [{ collectiviteId: communes[0], fullName: 'Olga Organisatrice', role: 'organiser' }], { tag: 'anim-browser' });
      const people = createBulkUsers(dbUrl, communes.slice(1).map((collectiviteId, i) => ({
        collectiviteId, fullName: `Personne ${String(i + 1).padStart(2, '0')}`, mandate: i % 2 ? 'agent' : 'elu',
      })), { tag: 'anim-browser' });
      // Confirmed registrations written directly: the registration flow has its own tests.
      const cycle = `(SELECT id FROM cycles WHERE slug = ${q(CYCLE)})`;
      runSql(dbUrl, people.map((p, i) => `INSERT INTO registrations (cycle_id, user_id, collectivite_id, collectivite_slot, mandate,
        function_title, situation, status, seat, arrival, created_at, updated_at) VALUES (${cycle}, ${p.id}, ${q(p.collectiviteId)},
        ${q(p.collectiviteId)}, ${q(p.mandate)}, ${q(p.functionTitle)}, 'Une situation concrète à partager avec le groupe.', 'confirmed',
        ${i + 1}, ${now + i}, ${now}, ${now});`).join('\n'));
    },
  });
  const { t } = fx;
  const sessionId = (n) =>
    queryRows(fx.db, `SELECT s.id FROM cycle_sessions s JOIN cycles c ON c.id = s.cycle_id WHERE c.slug = ${q(CYCLE)} AND s.number = ${n}`)[0][0];

  it('compose, lock, record attendance and read the rates', { timeout: 180_000 }, t(async () => {
    const base = fx.server.baseUrl;
    const ctx = await newContext(fx.browser);
    const page = await ctx.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const a11y = (label) => checkA11y(page, { label: `${label} (${page.url()})` });
    try {
      await page.goto(`${base}/animation/${CYCLE}/groupes`);
      await page.waitForURL(/\/compte\/connexion\?suivant=/);
      await page.locator('input[name="email"]').fill(organiser.email);
      await page.locator('input[name="password"]').fill(BULK_PASSWORD);
      await Promise.all([page.waitForURL(new RegExp(`/animation/${CYCLE}/groupes$`)),
        page.getByRole('button', { name: 'Se connecter' }).click()]);
      await a11y('groupes avant composition');
      assert.equal(await page.getByLabel(/Nombre de groupes par séance/).inputValue(), '2');

      await Promise.all([page.waitForURL(/fait=composer/),
        page.getByRole('button', { name: 'Composer les séances à venir' }).click()]);
      const body = await page.locator('body').innerText();
      assert.match(body, /Les séances à venir sont composées/);
      assert.equal(await page.locator('table caption').count(), 8, 'one table per group and session');
      await a11y('groupes composés');

      // Lock "Personne 01" in the other group of session 2.
      const row = page.locator('section[aria-labelledby="seance-2"] tr', { hasText: 'Personne 01' });
      await row.locator('summary').click();  // opens the <details>
      const select = row.getByLabel(/Groupe de Personne 01 à cette séance/);
      const current = await select.inputValue();
      await select.selectOption(current === '1' ? '2' : '1');
      await Promise.all([page.waitForURL(/fait=deplacer/),
        row.getByRole('button', { name: 'Placer et verrouiller Personne 01' }).click()]);
      const locked = page.locator('section[aria-labelledby="seance-2"] tr', { hasText: 'Personne 01' });
      assert.match(await locked.innerText(), /Verrouillé dans ce groupe/i);
      await a11y('groupes avec un verrou');

      // Session 1 has begun: its attendance form opens.
      const now = Math.floor(Date.now() / 1000);
      runSql(fx.db, `UPDATE cycle_sessions SET starts_at = ${now - 600}, ends_at = ${now + 6600} WHERE id = ${sessionId(1)};`);
      await page.goto(`${base}/animation/${CYCLE}/seances/1/presences`);
      await a11y('présences de la séance 1');
      // Nothing is ticked until the facilitator records it.
      assert.equal(await page.locator('input[type="radio"][name^="presence_"]:checked').count(), 0);
      // DSFR draws the radio over its label: click the label, as people do.
      for (const fieldset of await page.locator('form fieldset').all())
        await fieldset.locator('label', { hasText: /^Présence$/ }).click();
      const personne02 = page.locator('fieldset', { hasText: 'Personne 02' });
      await personne02.locator('label', { hasText: 'Absence sans excuse' }).click();
      assert.equal(await personne02.getByLabel('Absence sans excuse').isChecked(), true);
      await Promise.all([page.waitForURL(/enregistre=1/),
        page.getByRole('button', { name: 'Enregistrer les présences' }).click()]);
      assert.match(await page.locator('body').innerText(), /Taux de présence : 91/);
      await a11y('présences enregistrées');

      await page.goto(`${base}/animation/${CYCLE}/presences`);
      assert.match(await page.locator('body').innerText(), /Taux de présence du cycle : 91/);
      await a11y('présences du cycle');
      await page.goto(`${base}/animation/${CYCLE}/groupes`);
      await a11y('groupes avec une séance commencée');
      assert.deepEqual(errors, [], 'no JavaScript error');
    } finally {
      await ctx.close();
    }
  }));
});
