// A walk through pages in one browser context, the way the browser tests visit them:
//   const { look, login } = pageTour(ctx, page, { baseUrl, shotsDir: process.env.X_SHOTS, firstShot: 0 });
//   await login(user);                 // a bulk user (BULK_PASSWORD), lands on /espace
//   const text = await look('label');  // axe + layout check at every width; screenshots
//                                      // at 390 and 1280 px when shotsDir is set; main's text
import { checkA11y } from './browser.mjs';
import { BULK_PASSWORD } from './bulk.mjs';

export function pageTour(ctx, page, { baseUrl, shotsDir, firstShot = 0 }) {
  let shot = firstShot;
  const look = async (label) => {
    await checkA11y(page, { label });
    if (shotsDir) {
      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await page.screenshot({ path: `${shotsDir}/${String(++shot).padStart(2, '0')}-${width}.png`, fullPage: true });
      }
      await page.setViewportSize({ width: 390, height: 900 });
    }
    return page.locator('main').innerText();
  };
  const login = async (user) => {
    await ctx.clearCookies();
    await page.goto(`${baseUrl}/compte/connexion`);
    await page.locator('input[name="email"]').fill(user.email);
    await page.locator('input[name="password"]').fill(BULK_PASSWORD);
    await Promise.all([page.waitForURL(/\/espace$/), page.getByRole('button', { name: 'Se connecter' }).click()]);
  };
  return { look, login };
}
