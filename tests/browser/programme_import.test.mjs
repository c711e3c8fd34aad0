// A territory's provider at phone width (axe-core and the layout check on every page): joins
// an evidence file to the diagnostic and finds it in the dossier, a link with its format and
// size; imports the plan's actions by choosing the exported CSV file; a classeur chosen by
// mistake is refused under the file field, the pasted text kept and nothing imported; a
// wrong line is named with its column.
// PROGRAMME_IMPORT_SHOTS=<dir> saves screenshots at 390 and 1280 px (not committed).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newContext } from '../support/harness.mjs';
import { useBrowserFixture } from '../support/browser_fixture.mjs';
import { createBulkUsers, pickCommunes, queryRows } from '../support/bulk.mjs';
import { pageTour } from '../support/page_tour.mjs';

const SLUG = 'territoires-engagement';
const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n', 'latin1');

describe('dossier et import des actions', () => {
  const fx = useBrowserFixture();
  const { t } = fx;

  it('a provider finds the evidence file in the dossier and imports the actions from a file at phone width', { timeout: 300_000 }, t(async () => {
    const [paula] = createBulkUsers(fx.db, [{ collectiviteId: pickCommunes(fx.db, 1, { offset: 3480 })[0],
      fullName: 'Paula Fichier' }], { tag: 'progi' });
    const [[programme, territory]] = queryRows(fx.db, `SELECT p.id, MIN(t.id) FROM programmes p JOIN programme_territories t
      ON t.programme_id = p.id WHERE p.slug = '${SLUG}' GROUP BY p.id`);
    queryRows(fx.db, `INSERT INTO programme_members (programme_id, territory_id, email, user_id, role, created_at)
      SELECT ${programme}, ${territory}, email, id, 'provider', 0 FROM users WHERE email = '${paula.email}'`);
    const base = `/programmes/${SLUG}/territoires/${territory}`;
    const ctx = await newContext(fx.browser, { viewport: { width: 390, height: 900 } });
    try {
      const page = await ctx.newPage();
      const { look, login } = pageTour(ctx, page, { baseUrl: fx.server.baseUrl, shotsDir: process.env.PROGRAMME_IMPORT_SHOTS });
      await login(paula);
      await page.setViewportSize({ width: 390, height: 900 });

      // An evidence file joined from the diagnostic, then found in the dossier.
      await page.goto(`${fx.server.baseUrl}${base}/diagnostic`);
      await page.locator('input[type="file"][id^="evidence_file_"]').first()
        .setInputFiles({ name: 'compte-rendu du forum.pdf', mimeType: 'application/pdf', buffer: PDF });
      await Promise.all([page.waitForURL(/message=enregistre/), page.getByRole('button', { name: 'Enregistrer le diagnostic' }).click()]);
      await page.goto(`${fx.server.baseUrl}${base}/dossier`);
      const dossier = await look('dossier avec un fichier de preuve');
      assert.match(dossier, /Éléments de preuve du diagnostic/);
      const link = page.getByRole('link', { name: /compte-rendu du forum\.pdf PDF – \d+ octets/ });
      assert.ok(await link.isVisible(), 'the file is a link in the dossier');
      const box = await link.boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= 390, `the link fits the phone (${box.x}+${box.width})`);
      const download = await ctx.request.get(`${fx.server.baseUrl}${await link.getAttribute('href')}`);
      assert.equal(download.status(), 200);

      // The exported CSV, chosen as a file.
      const exported = Buffer.from(await (await ctx.request.get(`${fx.server.baseUrl}${base}/plan/actions.csv`)).body());
      const count = () => queryRows(fx.db, `SELECT COUNT(*) FROM plan_actions WHERE territory_id = ${territory}`)[0][0];
      const before = count();
      await page.goto(`${fx.server.baseUrl}${base}/plan/import`);
      assert.match(await look('import des actions'), /Fichier CSV/);
      await page.locator('#csv').fill('Identifiant;Intitulé');
      await page.locator('#csv_file').setInputFiles({ name: 'actions.xlsx', mimeType: 'application/octet-stream',
        buffer: Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('xl/workbook.xml')]) });
      await page.getByRole('button', { name: 'Importer' }).click();
      await page.waitForLoadState();
      const refused = await look('import refusé : un classeur au lieu d’un CSV');
      assert.match(refused, /Ce fichier est un classeur \(XLSX, ODS ou XLS\), pas un fichier CSV/);
      assert.equal(await page.locator('#csv').inputValue(), 'Identifiant;Intitulé');
      assert.equal(await page.locator('#csv_file').getAttribute('aria-describedby'), 'csv_file-error');
      assert.equal(count(), before);

      // A wrong line in the file: its line and column in the alert, nothing imported.
      const wrong = Buffer.concat([exported, Buffer.from(';Forum des associations;atelier;1;;;;;;\r\n')]);
      await page.locator('#csv_file').setInputFiles({ name: 'actions.csv', mimeType: 'text/csv', buffer: wrong });
      await page.getByRole('button', { name: 'Importer' }).click();
      await page.waitForLoadState();
      const line = await look('import refusé : une ligne à corriger');
      assert.match(line, new RegExp(`Ligne ${Number(before) + 2}, colonne C \\(Type\\) : type d’action inconnu « atelier »`));
      assert.equal(count(), before);

      const added = Buffer.concat([exported, Buffer.from(';Fête de quartier;projet_phare;2;cooperer;;;;;Avec le comité d’usagers\r\n')]);
      await page.locator('#csv_file').setInputFiles({ name: 'actions.csv', mimeType: 'text/csv', buffer: added });
      await Promise.all([page.waitForURL(/message=importe/), page.getByRole('button', { name: 'Importer' }).click()]);
      const plan = await look('plan après import par fichier');
      assert.match(plan, /Import terminé/);
      assert.match(plan, /Fête de quartier/);
      assert.equal(count(), String(Number(before) + 1));
    } finally {
      await ctx.close();
    }
  }));
});
