// ProConnect and verified collectivités in Chromium: the login page's ProConnect button
// leads through a real OpenID provider on loopback (tests/support/proconnect_provider.mjs)
// back to the personal space; the error page; the organisers' collectivités page with a
// confirmation. axe-core and the layout check (390 and 1280 px) on each page. With
// SHOTS_DIR set, screenshots of each page at both widths go there.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { checkA11y, checkLayout, newContext } from '../support/harness.mjs';
import { useBrowserFixture } from '../support/browser_fixture.mjs';
import { BULK_PASSWORD, createBulkUsers, q, runSql } from '../support/bulk.mjs';
import { agent, startProConnect } from '../support/proconnect_provider.mjs';

async function shots(page, name) {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: path.join(dir, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function look(page, label) {
  await checkA11y(page, { label });
  await checkLayout(page, { label });
  await shots(page, label);
}

describe('ProConnect et collectivités dans le navigateur', () => {
  let pc;
  before(async () => {
    pc = await startProConnect();
  });
  const fx = useBrowserFixture({
    serverOptions: {
      extraArgs: (baseUrl) => {
        pc.configure({ redirectUri: `${baseUrl}/compte/proconnect/retour`, postLogoutRedirectUri: `${baseUrl}/` });
        return ['--proconnect-issuer', pc.issuer, '--proconnect-client-id', pc.clientId,
          '--proconnect-client-secret', pc.clientSecret, '--proconnect-redirect-url', `${baseUrl}/compte/proconnect/retour`];
      },
    },
  });
  after(async () => {
    await pc?.stop();
  });
  const { t } = fx;

  it('le bouton ProConnect mène au fournisseur puis à l’espace personnel', { timeout: 120_000 }, t(async () => {
    const ctx = await newContext(fx.browser);
    const page = await ctx.newPage();
    try {
      const who = agent();
      pc.setAgent(who);
      await page.goto(`${fx.server.baseUrl}/compte/connexion`);
      await look(page, 'connexion-proconnect');
      await page.getByRole('link', { name: 'S’identifier avec ProConnect' }).click();
      await page.waitForURL(`${fx.server.baseUrl}/espace`);
      assert.match(await page.locator('body').innerText(), new RegExp(who.usual_name));

      await page.goto(`${fx.server.baseUrl}/compte/proconnect/retour?state=${'x'.repeat(43)}&code=abc`);
      assert.match(await page.locator('h1').innerText(), /Connexion avec ProConnect impossible/);
      await look(page, 'proconnect-erreur');
    } finally {
      await ctx.close();
    }
  }));

  it('les organisateurs confirment une collectivité déclarée', { timeout: 120_000 }, t(async () => {
    const [organiser, elu] = createBulkUsers(fx.db, [
      { collectiviteId: 'commune:42168', role: 'organiser', fullName: 'Orla Organisatrice' },
      { collectiviteId: 'commune:42056', mandate: 'elu', fullName: 'Élie Élu' },
    ], { tag: 'identity' });
    // A waiting registration of an élu (no ProConnect): declared.
    const now = Math.floor(Date.now() / 1000);
    runSql(fx.db, `INSERT INTO registrations (cycle_id, user_id, collectivite_id, mandate, function_title, situation, status, arrival, created_at, updated_at)
      SELECT id, ${elu.id}, 'commune:42056', 'elu', 'Maire', ${q('Situation de test assez longue pour la règle des quatre-vingts caractères, voilà qui est fait.')}, 'waiting', ${now * 1000}, ${now}, ${now}
      FROM cycles ORDER BY id LIMIT 1;`);
    const ctx = await newContext(fx.browser);
    const page = await ctx.newPage();
    try {
      await page.goto(`${fx.server.baseUrl}/compte/connexion`);
      await page.locator('input[name="email"]').fill(organiser.email);
      await page.locator('input[name="password"]').fill(BULK_PASSWORD);
      await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
      await page.waitForURL(/\/espace/);
      await page.goto(`${fx.server.baseUrl}/admin/collectivites`);
      assert.equal(await page.locator('h1').innerText(), 'Collectivités des inscrits');
      await look(page, 'admin-collectivites');
      const row = page.locator('tr', { hasText: 'Élie Élu' });
      assert.equal(await row.getAttribute('data-mark'), 'declared');
      const id = await row.getAttribute('id');
      await row.getByRole('button', { name: /^Confirmer/ }).click();
      await page.waitForURL(/fait=confirmee/);
      assert.equal(await page.locator(`#${id}`).getAttribute('data-mark'), 'confirmed');
      assert.match(await page.locator(`#${id}`).innerText(), /par Orla Organisatrice/);
      await look(page, 'admin-collectivites-confirmee');
    } finally {
      await ctx.close();
    }
  }));
});
