// Uploading files in Chromium at 390 and 1280 px (axe-core and the layout check on every page,
// tests/support/page_tour.mjs): an organiser drops a PDF on the event's programme editor, sees a
// file too big refused next to its field with the title kept, and finds the document on the
// public page; a provider joins an evidence file to a diagnostic's answer.
// ATELIERS_SHOTS=<dir> saves a screenshot of each page at 390 and 1280 px.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { makeTempDir, newContext } from '../support/harness.mjs';
import { useBrowserFixture } from '../support/browser_fixture.mjs';
import { createBulkUsers, pickCommunes, queryRows } from '../support/bulk.mjs';
import { pageTour } from '../support/page_tour.mjs';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n', 'latin1');
const EDITOR = '/admin/evenements/journees-des-territoires/programme';

describe('dépôt de fichiers', () => {
  const fx = useBrowserFixture();
  const { t } = fx;

  it('an organiser publishes a file on an event, at phone and desktop widths', { timeout: 300_000 }, t(async () => {
    const [olga] = createBulkUsers(fx.db, [
      { collectiviteId: pickCommunes(fx.db, 1, { offset: 3500 })[0], fullName: 'Olga Fichiers', role: 'organiser' },
    ], { tag: 'evfb' });
    const ctx = await newContext(fx.browser);
    try {
      const page = await ctx.newPage();
      const base = fx.server.baseUrl;
      const { look, login } = pageTour(ctx, page, { baseUrl: base, shotsDir: process.env.ATELIERS_SHOTS });
      await login(olga);

      await page.goto(`${base}${EDITOR}#documents`);
      await page.locator('summary', { hasText: 'Déposer un fichier' }).click();
      const editor = await look('éditeur : déposer un fichier');
      assert.match(editor, /Formats acceptés : PDF, ODT, DOCX, ODP, PPTX, PNG ou JPEG/);

      // Too big: the message next to the file field, the title kept.
      await page.locator('#fichier-title').fill('Vidéo de la plénière');
      // From a file on disk: Chromium reads it itself (a 21 Mo buffer through the protocol is slow).
      const tmp = await makeTempDir('uploads');
      const big = path.join(tmp.dir, 'pleniere.pdf');
      fs.writeFileSync(big, Buffer.concat([PDF, Buffer.alloc(21 * 1024 * 1024)]));
      await page.locator('#fichier-file').setInputFiles(big);
      await page.getByRole('button', { name: 'Déposer le fichier' }).click();
      await page.waitForLoadState();
      const refused = await look('fichier trop lourd refusé');
      assert.match(refused, /Ce fichier pèse 21 Mo, au-delà de la limite de 20 Mo/);
      assert.equal(await page.locator('#fichier-title').inputValue(), 'Vidéo de la plénière');
      assert.equal(await page.locator('#fichier-file').getAttribute('aria-describedby'), 'fichier-file-error');

      await page.locator('#fichier-title').fill('Synthèse des ateliers');
      await page.locator('#fichier-file').setInputFiles({ name: 'synthèse.pdf', mimeType: 'application/pdf', buffer: PDF });
      await Promise.all([page.waitForURL(/programme#documents$/), page.getByRole('button', { name: 'Déposer le fichier' }).click()]);
      const listed = await look('éditeur : document déposé');
      assert.match(listed, /Synthèse des ateliers\s+PDF – \d+ octets/);

      await page.goto(`${base}/evenements/journees-des-territoires#documents`);
      const publicPage = await look('page publique : documents');
      assert.match(publicPage, /Synthèse des ateliers\s+PDF – \d+ octets/);
      const href = await page.getByRole('link', { name: /Synthèse des ateliers/ }).getAttribute('href');
      const download = await page.request.get(`${base}${href}`);
      assert.equal(download.status(), 200);
      assert.equal(download.headers()['content-type'], 'application/pdf');
    } finally {
      await ctx.close();
    }
  }));

  it('a provider joins an evidence file to the diagnostic, at phone and desktop widths', { timeout: 300_000 }, t(async () => {
    const [paula] = createBulkUsers(fx.db, [
      { collectiviteId: pickCommunes(fx.db, 1, { offset: 3510 })[0], fullName: 'Paula Preuves' },
    ], { tag: 'evidb' });
    const [[programme]] = queryRows(fx.db, "SELECT id FROM programmes WHERE slug = 'territoires-engagement'");
    const [[territory]] = queryRows(fx.db, `SELECT id FROM programme_territories WHERE programme_id = ${programme} ORDER BY id`);
    queryRows(fx.db, `INSERT INTO programme_members (programme_id, territory_id, email, user_id, role, created_at)
      SELECT ${programme}, ${territory}, email, id, 'provider', ${Math.floor(Date.now() / 1000)} FROM users WHERE email = '${paula.email}'`);
    const ctx = await newContext(fx.browser);
    try {
      const page = await ctx.newPage();
      const base = fx.server.baseUrl;
      const { look, login } = pageTour(ctx, page, { baseUrl: base, shotsDir: process.env.ATELIERS_SHOTS, firstShot: 20 });
      await login(paula);
      const diagnostic = `${base}/programmes/territoires-engagement/territoires/${territory}/diagnostic`;
      await page.goto(diagnostic);
      const input = page.locator('input[type="file"][name^="evidence_file_"]').first();
      await input.setInputFiles({ name: 'forum citoyen.pdf', mimeType: 'application/pdf', buffer: PDF });
      await Promise.all([page.waitForURL(/message=enregistre/), page.getByRole('button', { name: 'Enregistrer le diagnostic' }).click()]);
      const saved = await look('diagnostic avec une preuve en fichier');
      assert.match(saved, /forum citoyen\.pdf\s+PDF – \d+ octets/);
      assert.match(saved, /Retirer/);
    } finally {
      await ctx.close();
    }
  }));
});
