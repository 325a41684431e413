// The portal's login through a real OIDC provider (Keycloak with deploy/keycloak's demo realm), in a real browser
// (Debian's Chromium driven by playwright-core), against a platform whose gateway has its dev login off:
// SITEWORK_URL (the portal), SITEWORK_OIDC_ISSUER (the realm). Authorization code + PKCE at Keycloak's own login
// page, a refused password, the board with the demo data under the provider's token, the access token renewed
// with the refresh token while the page stays open (the realm's tokens live little longer than the portal's
// renewal margin), and a logout that ends the provider's session too.
// Exit code 0 when every step held; otherwise the failing step is printed (with a screenshot in SITEWORK_SCREENSHOTS).
import { chromium } from 'playwright-core';
import { check, until } from './support.mjs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const BASE = (process.env.SITEWORK_URL || 'http://localhost:8080').replace(/\/$/, '');
const ISSUER = (process.env.SITEWORK_OIDC_ISSUER || 'http://localhost:8180/realms/sitework').replace(/\/$/, '');
const SHOTS = process.env.SITEWORK_SCREENSHOTS || '';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const TOKEN_KEY = 'sitework.token';
const NORTH = '0d5e4c1a-5173-4e00-9000-00000000de30';
const STEP_TIMEOUT = 20_000;

if (SHOTS) mkdirSync(SHOTS, { recursive: true });
let current = 'start';
const step = (name) => { current = name; console.log(`- ${name}`); };


/** The claims of the access token the portal keeps for its API calls (this tab's sessionStorage). */
async function tokenClaims(page) {
  const token = await page.evaluate((key) => sessionStorage.getItem(key), TOKEN_KEY);
  if (!token) return null;
  return { token, ...JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) };
}


/** From the portal's login page through Keycloak's form; answers once the browser is back on the portal. */
async function logInAtKeycloak(page, username, password) {
  await page.getByRole('button', { name: 'Log in with your organisation account' }).click();
  await page.waitForURL((url) => url.href.startsWith(`${ISSUER}/protocol/openid-connect/auth`));
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('#kc-login').click();
}

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
const pages = [];
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(STEP_TIMEOUT);
  const anna = await context.newPage();
  pages.push(anna);

  step('the portal offers the organisation login, not the demo users, and sends Anna to Keycloak');
  await anna.goto(`${BASE}/`);
  await anna.waitForURL(`${BASE}/login`);
  await anna.getByRole('button', { name: 'Log in with your organisation account' }).waitFor();
  check(await anna.getByRole('list', { name: 'Demo users' }).count() === 0, 'the dev login\'s demo users are not offered');

  step('a wrong password is refused on Keycloak\'s page');
  await logInAtKeycloak(anna, 'anna.planner', 'not-her-password');
  await anna.getByText('Invalid username or password.').waitFor();
  check(anna.url().startsWith(ISSUER), `still at the provider: ${anna.url()}`);

  step('Anna follows a link into the portal, logs in with her password (authorization code + PKCE) and lands where the link led');
  await anna.goto(`${BASE}/sites/${NORTH}/blocked`);
  await anna.waitForURL(`${BASE}/login`);
  await logInAtKeycloak(anna, 'anna.planner', 'demo');
  await anna.waitForURL(`${BASE}/sites/${NORTH}/blocked`);
  await anna.getByTestId('signed-in-user').filter({ hasText: 'Anna Planner' }).waitFor();
  await anna.getByRole('navigation', { name: 'Main' }).getByText('Site board').click();
  await anna.getByTestId('work-row').first().waitFor();
  const first = await tokenClaims(anna);
  check(first && first.iss === ISSUER, `the portal calls the API with Keycloak's token (iss ${first?.iss})`);
  check(first.preferred_username === 'anna.planner', `the token names Anna (${first.preferred_username})`);
  const rows = await anna.getByTestId('work-row').count();
  console.log(`  ${rows} work items on the board under Keycloak's token, which lives ${first.exp - first.iat} s`);
  if (SHOTS) await anna.screenshot({ path: join(SHOTS, 'oidc-board.png') });

  step('her access token is renewed with the refresh token before it expires, without leaving the page');
  const renewed = await until(async () => {
    const now = await tokenClaims(anna);
    return now && now.token !== first.token ? now : null;
  }, 'a renewed access token', (first.exp - first.iat) * 1000 + 30_000);
  check(renewed.exp > first.exp, `the renewed token lives longer (${renewed.exp} > ${first.exp})`);
  check(renewed.iss === ISSUER && renewed.preferred_username === 'anna.planner', 'the renewed token is Anna\'s, from Keycloak');
  check(anna.url().startsWith(`${BASE}/sites/`), `the page stayed open: ${anna.url()}`);
  console.log(`  renewed ${renewed.iat - first.iat} s after the first token`);

  step('after the first token has expired, the reloaded board loads with the renewed one');
  const waitMs = first.exp * 1000 - Date.now() + 1_000;
  if (waitMs > 0) await anna.waitForTimeout(waitMs);
  await anna.reload();
  await anna.getByTestId('work-row').first().waitFor();
  check((await tokenClaims(anna))?.exp > Date.now() / 1000, 'the token in use has not expired');
  check(await anna.getByTestId('session-notice').count() === 0, 'no "session ended" notice');

  step('logging out ends the Keycloak session too: the next login asks for the password again');
  const endSession = anna.waitForRequest((request) => request.url().startsWith(`${ISSUER}/protocol/openid-connect/logout`));
  await anna.getByRole('button', { name: 'Log out' }).click();
  await endSession;
  await anna.waitForURL(`${BASE}/login`);
  await anna.getByRole('button', { name: 'Log in with your organisation account' }).waitFor();
  check(await anna.evaluate((key) => sessionStorage.getItem(key), TOKEN_KEY) === null, 'no token is left in the tab');
  await anna.getByRole('button', { name: 'Log in with your organisation account' }).click();
  await anna.waitForURL((url) => url.href.startsWith(ISSUER));
  await anna.locator('#password').waitFor();

  console.log('OIDC E2E PASSED');
  await browser.close();
  process.exit(0);
} catch (e) {
  console.error(`OIDC E2E FAILED at step "${current}": ${e && e.stack ? e.stack : e}`);
  for (const [i, page] of pages.entries()) {
    console.error(`  page ${i} was at ${page.url()}`);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, `failure-oidc-${i}.png`) }).catch(() => {});
  }
  await browser.close().catch(() => {});
  process.exit(1);
}
