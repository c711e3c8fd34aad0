// Sign-up in Chromium: keyboard-driven collectivité autocomplete, e-mail
// confirmation, login; axe-core (WCAG 2.1 A/AA) on every page visited.
// Plus the same sign-up with JavaScript disabled.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkA11y,
  findLink,
  newContext,
  uniqueEmail,
} from '../support/harness.mjs';
import { useBrowserFixture } from '../support/browser_fixture.mjs';
import { PELUSSIN, confirmationMail } from '../support/flows.mjs';

const PASSWORD = 'Un mot de passe solide 42';

/** Choose the mandate whatever the control: <select>, or radios (DSFR hides the native input). */
async function chooseMandate(page, value) {
  const select = page.locator('select[name="mandate"]');
  if (await select.count()) {
    await select.selectOption(value);
    return;
  }
  const radio = page.locator(`input[name="mandate"][value="${value}"]`);
  assert.equal(await radio.count(), 1, `a mandate control with value "${value}"`);
  const id = await radio.getAttribute('id');
  const label = id ? page.locator(`label[for="${id}"]`) : null;
  if (label && (await label.count())) await label.click();
  else await radio.check({ force: true });
  assert.ok(await radio.isChecked(), `mandate "${value}" is checked`);
}

async function fillIdentity(page, { name, email }) {
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="full_name"]').fill(name);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.locator('input[name="password_confirm"]').fill(PASSWORD);
  await chooseMandate(page, 'elu');
  const fn = page.locator('[name="function_title"]');
  if (await fn.count()) await fn.fill('Maire');
}

/** The submit button of the form holding `selector`. */
function submitOf(page, selector) {
  return page.locator(`form:has(${selector})`).locator('button[type="submit"], input[type="submit"], button:not([type])').last();
}

describe('inscription dans le navigateur', () => {
  let base;
  const fx = useBrowserFixture({ smtp: true, setup: ({ server }) => (base = server.baseUrl) });
  const { t } = fx;
  const visited = [];

  it('with JavaScript: keyboard autocomplete, confirm, login, axe clean everywhere', { timeout: 120_000 }, t(async () => {
    const ctx = await newContext(fx.browser);
    const page = await ctx.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    try {
      const a11y = async (label) => {
        visited.push(label);
        await checkA11y(page, { label: `${label} (${page.url()})` });
      };

      await page.goto(`${base}/`);
      await a11y('accueil');

      await page.goto(`${base}/compte/inscription`);
      await a11y('inscription');

      const email = uniqueEmail('navigateur');
      const name = 'Anaïs Lefèvre';
      await fillIdentity(page, { name, email });

      // the combobox, by keyboard only
      const combo = page.locator('#collectivite_q');
      assert.equal(await combo.getAttribute('role'), 'combobox', '#collectivite_q has role="combobox"');
      const listboxId = await combo.getAttribute('aria-controls');
      assert.ok(listboxId, '#collectivite_q has aria-controls');
      await combo.focus();
      await page.keyboard.type(PELUSSIN.q, { delay: 40 });
      const listbox = page.locator(`[id="${listboxId}"]`);
      assert.equal(await listbox.getAttribute('role'), 'listbox', `#${listboxId} is a listbox`);
      const option = listbox.locator('[role="option"]', { hasText: PELUSSIN.name }).first();
      await option.waitFor({ state: 'visible', timeout: 10_000 });
      assert.equal(await combo.getAttribute('aria-expanded'), 'true', 'aria-expanded="true" while the list is open');
      await a11y('inscription, liste de suggestions ouverte');

      // ArrowDown until the Pélussin option is the active descendant
      let active = false;
      for (let i = 0; i < 10 && !active; i++) {
        await page.keyboard.press('ArrowDown');
        const activeId = await combo.getAttribute('aria-activedescendant');
        const optionId = await option.getAttribute('id');
        active = !!activeId && activeId === optionId;
        if (!active && !activeId) {
          // some widgets move DOM focus to the option instead
          active = await option.evaluate((el) => el === document.activeElement || el.getAttribute('aria-selected') === 'true');
        }
      }
      assert.ok(active, 'ArrowDown reaches the Pélussin option (aria-activedescendant or aria-selected)');
      await page.keyboard.press('Enter');
      assert.match(page.url(), /\/compte\/inscription$/, 'Enter in the combobox chooses, it does not submit');
      const hidden = page.locator('input[type="hidden"][name="collectivite"]');
      assert.equal(await hidden.count(), 1, 'one hidden input name="collectivite"');
      assert.equal(await hidden.inputValue(), PELUSSIN.id, 'the hidden input holds the chosen id');
      assert.match(await combo.inputValue(), /Pélussin/, 'the visible input shows the choice');
      assert.notEqual(await combo.getAttribute('aria-expanded'), 'true', 'the list closes after the choice');

      await Promise.all([page.waitForURL(/\/compte\/inscription\/envoyee/), submitOf(page, '#collectivite_q').click()]);
      await a11y('inscription envoyée');

      const { link } = await confirmationMail(fx.smtp, email);
      // the link confirms the address and logs the person in
      await page.goto(link);
      assert.match(page.url(), /\/espace\?confirme=1$/);
      const body = await page.locator('body').innerText();
      assert.match(body, /Votre adresse e-mail est confirmée/);
      assert.ok(body.includes(name), `the name is shown on /espace`);
      assert.ok(body.includes(PELUSSIN.name), `the collectivité is shown on /espace`);
      await a11y('espace');

      assert.deepEqual(pageErrors, [], 'no JavaScript error on the pages');
    } finally {
      await ctx.close();
    }
  }));

  it('without JavaScript: the typed collectivité is resolved by the server', { timeout: 120_000 }, t(async () => {
    const ctx = await newContext(fx.browser, { javaScriptEnabled: false });
    const page = await ctx.newPage();
    try {
      await page.goto(`${base}/compte/inscription`);
      await checkA11y(page, { label: 'inscription sans JavaScript' });
      const email = uniqueEmail('sansjs');
      const name = 'Gaëtan Sans-Script';
      await fillIdentity(page, { name, email });
      await page.locator('input[name="collectivite_q"]').fill(PELUSSIN.q);
      await Promise.all([page.waitForEvent('framenavigated'), submitOf(page, 'input[name="collectivite_q"]').click()]);
      await page.waitForLoadState('load');

      if (!/\/compte\/inscription\/envoyee/.test(page.url())) {
        // several matches: radio choices name="collectivite"
        const choice = page.locator(`input[type="radio"][name="collectivite"][value="${PELUSSIN.id}"]`);
        assert.equal(
          await choice.count(),
          1,
          `after submitting "Pélussin" without JS: either /compte/inscription/envoyee or a radio choice ${PELUSSIN.id}; ` +
            `got ${page.url()}:\n${(await page.locator('body').innerText()).slice(0, 800)}`,
        );
        await checkA11y(page, { label: 'choix de la collectivité sans JavaScript' });
        const id = await choice.getAttribute('id');
        if (id && (await page.locator(`label[for="${id}"]`).count())) await page.locator(`label[for="${id}"]`).click();
        else await choice.check({ force: true });
        // passwords are never re-filled
        for (const n of ['password', 'password_confirm']) {
          const f = page.locator(`input[name="${n}"]`);
          if ((await f.count()) && !(await f.inputValue())) await f.fill(PASSWORD);
        }
        await Promise.all([page.waitForURL(/\/compte\/inscription\/envoyee/), submitOf(page, 'input[name="collectivite"]').click()]);
      }
      await checkA11y(page, { label: 'inscription envoyée sans JavaScript' });

      const { link } = await confirmationMail(fx.smtp, email);
      assert.ok(findLink(link, '/compte/confirmer'));
      await page.goto(link);
      assert.match(page.url(), /\/espace\?confirme=1$/, 'the link logs the person in');
      const body = await page.locator('body').innerText();
      assert.ok(body.includes(name), 'the name is shown on /espace');
      assert.ok(body.includes(PELUSSIN.name), 'the collectivité resolved from the typed text is Pélussin');
      await checkA11y(page, { label: 'espace sans JavaScript' });
    } finally {
      await ctx.close();
    }
  }));
});
