// The Content-Security-Policy in a real browser: the other browser tests bypass CSP
// (so that axe can be injected), so here Chromium enforces it on the pages of every
// kind of visitor, and any violation it reports fails the test. The scripts that the
// pages need must still run: the autocomplete, DSFR's menus, the live runner's stream.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HttpClient } from '../support/harness.mjs';
import { useBrowserFixture } from '../support/browser_fixture.mjs';
import { login } from '../support/flows.mjs';
import { BULK_PASSWORD, createBulkUsers, pickCommunes } from '../support/bulk.mjs';

const CYCLE = 'forets-cooperer';

/** A context that enforces CSP and records every violation and CSP console message. */
async function enforcingContext(browser, baseUrl, client) {
  const ctx = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  ctx.setDefaultTimeout(15_000);
  ctx.setDefaultNavigationTimeout(20_000);
  await ctx.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  if (client) {
    const { hostname } = new URL(baseUrl);
    await ctx.addCookies(
      ['ateliers_session', 'ateliers_csrf'].map((name) => ({ name, value: client.cookie(name), domain: hostname, path: '/' })),
    );
  }
  return ctx;
}

/** Open url, let deferred scripts run, return what CSP blocked. */
async function visit(page, url, consoleLines, act) {
  consoleLines.length = 0;
  const res = await page.goto(url, { waitUntil: 'load' });
  assert.ok(res.status() < 500, `${url}: ${res.status()}`);
  assert.match(res.headers()['content-security-policy'] ?? '', /script-src 'self'/, url);
  if (act) await act(page, consoleLines);
  await page.waitForTimeout(300);
  const violations = await page.evaluate(() => window.__cspViolations);
  return [...violations, ...consoleLines.filter((l) => /Content Security Policy/i.test(l))];
}

describe('Content-Security-Policy dans le navigateur', () => {
  let participant;
  let organiser;
  const fx = useBrowserFixture({
    setup: ({ db }) => {
      const communes = pickCommunes(db, 2, { offset: 3200 });
      [participant, organiser] = createBulkUsers(
        db,
        [{ collectiviteId: communes[0], fullName: 'Paula Participante' }, { collectiviteId: communes[1], role: 'organiser', fullName: 'Olivier Organisateur' }],
        { tag: 'csp' },
      );
    },
  });
  const { t } = fx;

  it('no page of any visitor breaks the policy, and their scripts still run', { timeout: 240_000 }, t(async () => {
    const base = fx.server.baseUrl;
    const blocked = [];
    const requested = [];
    const run = async (client, pages) => {
      const ctx = await enforcingContext(fx.browser, base, client);
      try {
        const page = await ctx.newPage();
        const consoleLines = [];
        page.on('console', (m) => consoleLines.push(m.text()));
        page.on('request', (r) => requested.push(r.url()));
        for (const [p, act] of pages) {
          for (const v of await visit(page, `${base}${p}`, consoleLines, act)) blocked.push(`${p}: ${v}`);
        }
      } finally {
        await ctx.close();
      }
    };

    await run(null, [
      ['/', async (page, consoleLines) => {
        // The policy is enforced and its violations are seen: an injected inline script does not run.
        await page.evaluate(() => {
          const s = document.createElement('script');
          s.textContent = 'window.__injected = true;';
          document.head.appendChild(s);
        });
        await page.waitForTimeout(100);
        assert.equal(await page.evaluate(() => window.__injected), undefined, 'inline script blocked');
        const seen = await page.evaluate(() => window.__cspViolations.splice(0));
        assert.ok(seen.some((v) => v.startsWith('script-src')), `violation reported: ${seen}`);
        await page.waitForTimeout(100);
        assert.ok(consoleLines.some((l) => /Content Security Policy/.test(l)), 'and logged');
        consoleLines.length = 0;
      }],
      ['/cycles'],
      [`/cycles/${CYCLE}`],
      ['/compte/connexion'],
      ['/compte/inscription', async (page) => {
        // collectivite-autocomplete.js runs: typing shows the suggestions.
        await page.fill('#collectivite_q', 'pelussin');
        await page.locator('[role="option"]').first().waitFor();
      }],
      ['/accessibilite'],
      ['/mentions-legales'],
      ['/donnees-personnelles'],
      ['/page-qui-n-existe-pas'],
    ]);

    const p = new HttpClient(base);
    await login(p, participant.email, BULK_PASSWORD);
    await run(p, [['/espace'], [`/cycles/${CYCLE}/inscription`], ['/idees']]);

    const o = new HttpClient(base);
    await login(o, organiser.email, BULK_PASSWORD);
    await run(o, [
      ['/admin'],
      ['/admin/nouveau-cycle'],
      [`/admin/cycles/${CYCLE}`],
      [`/admin/cycles/${CYCLE}/inscriptions`],
      ['/admin/selections'],
      ['/admin/rapports'],
      ['/admin/journal'],
      ['/admin/modeles-de-seance'],
      ['/animation'],
      [`/animation/${CYCLE}/groupes`],
      [`/animation/${CYCLE}/seances/1/plan`],
      [`/animation/${CYCLE}/seances/1/direct`, async (page) => {
        // live.js runs and opens its event stream (connect-src 'self').
        const stream = await page.locator('[data-stream-url]').getAttribute('data-stream-url');
        for (let i = 0; i < 50 && !requested.some((u) => u.endsWith(stream)); i++) await page.waitForTimeout(100);
        assert.ok(requested.some((u) => u.endsWith(stream)), `live.js opened ${stream}`);
      }],
    ]);

    assert.deepEqual(blocked, [], 'Content-Security-Policy violations');
  }));
});
