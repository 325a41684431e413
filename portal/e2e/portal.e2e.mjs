// End-to-end test of the portal in a real browser (Debian's Chromium driven by playwright-core), against a
// running platform: SITEWORK_URL (default http://localhost:8080). The README's scenario, one person per browser
// context: log in, create work, raise and resolve a blocker, run the permit-controlled job, see the live
// notification arrive, view the as-of state. Screenshots of the main screens go to SITEWORK_SCREENSHOTS (if set).
// Exit code 0 when every step held; otherwise the failing step is printed (with a screenshot beside the others).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const BASE = (process.env.SITEWORK_URL || 'http://localhost:8080').replace(/\/$/, '');
const SHOTS = process.env.SITEWORK_SCREENSHOTS || '';
// what the browser showed when a step failed: beside the screenshots, never committed (.gitignore)
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const NORTH = '0d5e4c1a-5173-4e00-9000-00000000de30';
const STEP_TIMEOUT = 20_000;
const run = Date.now().toString(36);
const TITLE = `Weld a support bracket on P-101 (${run})`;

if (SHOTS) mkdirSync(SHOTS, { recursive: true });
let current = 'start';
const step = (name) => { current = name; console.log(`- ${name}`); };

async function shot(page, name) {
  if (!SHOTS) return;
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
}

/** Runs check until it passes, reloading the page between tries: for what crosses Kafka between services. */
async function eventually(page, check, timeout = 30_000) {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() > end) throw e;
      await page.waitForTimeout(1000);
      await page.reload();
    }
  }
}

async function person(browser, subject) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, baseURL: BASE });
  context.setDefaultTimeout(STEP_TIMEOUT);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log(`  [${subject}] page error: ${e.message}`));
  await page.goto('/login');
  await page.getByTestId(`login-${subject}`).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.getByTestId('signed-in-user').first().waitFor({ state: 'attached' });
  return page;
}

async function expectStatus(page, testId, status) {
  await page.locator(`[data-testid="${testId}"][data-status="${status}"]`).first().waitFor();
}

async function choose(page, label, option) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function confirm(page, button) {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/**
 * Opens an action and confirms it as a person would when someone (or a rule of the platform) changed the
 * item meanwhile: the portal explains the 412; cancel, reload and try again.
 */
async function confirmOnFreshState(page, openTestId, button) {
  for (let attempt = 1; ; attempt++) {
    await page.getByTestId(openTestId).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: button, exact: true }).click();
    const outcome = await Promise.race([
      dialog.waitFor({ state: 'hidden' }).then(() => 'done', () => 'timeout'),
      dialog.getByText('Changed by someone else').waitFor().then(() => 'conflict', () => 'timeout'),
    ]);
    if (outcome === 'done') return;
    if (outcome === 'timeout' || attempt >= 3) {
      throw new Error(`${button}: ${outcome === 'timeout' ? 'no answer' : 'still changed by someone else'} after ${attempt} attempt(s)`);
    }
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.reload();
  }
}

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
const pages = [];
try {
  step('the login page lists the demo users');
  const loginPage = await (await browser.newContext({ viewport: { width: 1280, height: 860 }, baseURL: BASE })).newPage();
  await loginPage.goto('/');
  await loginPage.getByTestId('login-anna.planner').waitFor();
  await shot(loginPage, 'login');

  step('Bruno (technician) logs in and keeps his inbox open');
  const bruno = await person(browser, 'bruno.tech');
  pages.push(bruno);
  await bruno.goto('/notifications');
  await bruno.getByTestId('inbox-counts').filter({ hasText: 'unread' }).waitFor();

  step('Anna (planner) logs in: the site board');
  const anna = await person(browser, 'anna.planner');
  pages.push(anna);
  await anna.waitForURL(`**/sites/${NORTH}/board`);
  await anna.getByTestId('work-row').first().waitFor();
  await shot(anna, 'board');

  step('Anna creates hot work on P-101 for Bruno, with a vibration reading to take');
  await anna.getByRole('link', { name: 'New work' }).click();
  await anna.waitForURL('**/work/new');
  await anna.getByRole('heading', { name: 'New work' }).waitFor();
  await anna.getByRole('textbox', { name: /^Title/ }).fill(TITLE);
  await anna.getByLabel('Description').fill('The discharge line vibrates at full flow; add a welded support bracket.');
  await choose(anna, 'Priority', 'High');
  await anna.getByLabel('Owner (login)').fill('bruno.tech');
  await anna.getByRole('combobox', { name: 'Assets' }).click();
  await anna.getByRole('option', { name: /^P-101/ }).click();
  await anna.keyboard.press('Escape');
  await anna.getByRole('combobox', { name: 'Permits required' }).click();
  await anna.getByRole('option', { name: 'Hot work', exact: true }).click();
  await anna.keyboard.press('Escape');
  await anna.getByRole('button', { name: 'Add checklist item' }).click();
  await anna.getByRole('textbox', { name: /^Item 1/ }).fill('Vibration after welding');
  await choose(anna, 'Type', 'Number');
  await anna.getByLabel('Unit').fill('mm/s');
  await anna.getByLabel('Min').fill('0');
  await anna.getByLabel('Max').fill('7.1');
  await anna.getByRole('button', { name: 'Request work' }).click();
  await anna.waitForURL(/\/work\/[0-9a-f-]{36}$/);
  const workUrl = new URL(anna.url()).pathname;
  await expectStatus(anna, 'work-status', 'REQUESTED');

  step('Bruno sees the assignment arrive live in his inbox');
  await bruno.getByTestId('inbox-entry').filter({ hasText: TITLE }).first().waitFor({ timeout: 30_000 });
  await shot(bruno, 'notifications');

  step('Anna plans the work for Bruno');
  await anna.getByTestId('step-plan').click();
  await anna.getByRole('dialog').getByLabel('Assignees (logins, comma separated)').fill('bruno.tech');
  await confirm(anna, 'Plan');
  await expectStatus(anna, 'work-status', 'PLANNED');

  step('Bruno raises a blocker; the work shows blocked and is on the blocked board');
  await bruno.goto(workUrl);
  await bruno.getByRole('textbox', { name: 'What blocks it' }).fill('Support bracket not delivered yet');
  await choose(bruno, 'Blocker type', 'Parts');
  await bruno.getByRole('button', { name: 'Raise blocker' }).click();
  await bruno.getByTestId('open-blocker').filter({ hasText: 'Support bracket not delivered yet' }).waitFor();
  await bruno.getByTestId('work-blocked').waitFor();
  await bruno.goto(`/sites/${NORTH}/blocked`);
  await eventually(bruno, () => bruno.getByTestId('blocked-row').filter({ hasText: TITLE }).first().waitFor({ timeout: 3000 }));
  await shot(bruno, 'blocked');

  step('Bruno resolves the blocker');
  await bruno.getByRole('link', { name: TITLE }).first().click();
  await bruno.getByTestId('resolve-blocker').click();
  await bruno.getByTestId('resolved-blocker').filter({ hasText: 'Support bracket not delivered yet' }).waitFor();
  await bruno.getByTestId('work-blocked').waitFor({ state: 'detached' });

  step('Bruno may not start without a hot-work permit: the refusal is explained');
  await bruno.getByTestId('step-start').click();
  await bruno.getByRole('alert').filter({ hasText: /HOT_WORK permit/i }).waitFor();

  step('Bruno requests the hot-work permit with an isolation point');
  await bruno.getByTestId('request-permit').click();
  await bruno.getByRole('heading', { name: 'Request a permit to work' }).waitFor();
  await bruno.getByLabel('Hazards (one per line)').fill('Hot work near a flammable product line');
  await bruno.getByLabel('Controls (one per line)').fill('Gas test before and every hour\nFire watch for 30 minutes after');
  await bruno.getByRole('button', { name: 'Add isolation point' }).click();
  await bruno.getByRole('textbox', { name: /^Point 1/ }).fill('P-101 suction valve');
  await bruno.getByRole('button', { name: 'Request permit' }).click();
  await bruno.waitForURL(/\/permits\/[0-9a-f-]{36}$/);
  const permitUrl = new URL(bruno.url()).pathname;
  await expectStatus(bruno, 'permit-status', 'REQUESTED');

  step('Paul (permit authority) approves it');
  const paul = await person(browser, 'paul.permits');
  pages.push(paul);
  await paul.goto(permitUrl);
  await paul.getByTestId('permit-approve').click();
  await expectStatus(paul, 'permit-status', 'APPROVED');

  step('Bruno applies the isolation, Carla (supervisor) verifies it');
  await bruno.reload();
  await bruno.getByTestId('isolation-apply').click();
  await bruno.getByTestId('isolation-row').filter({ hasText: 'Applied' }).waitFor();
  const carla = await person(browser, 'carla.supervisor');
  pages.push(carla);
  await carla.goto(permitUrl);
  await carla.getByTestId('isolation-verify').click();
  await carla.getByTestId('isolation-row').filter({ hasText: 'Verified' }).waitFor();

  step('Paul issues the permit');
  await paul.reload();
  await paul.getByTestId('permit-issue').click();
  await confirm(paul, 'Issue');
  await expectStatus(paul, 'permit-status', 'ISSUED');
  await shot(paul, 'permit');

  step('Bruno starts the work once work-service has heard of the issued permit');
  await bruno.goto(workUrl);
  await eventually(bruno, () => bruno.locator('[data-testid="linked-permit"]').first().waitFor({ timeout: 2000 })
    .then(() => expectStatus(bruno, 'work-status', 'PLANNED'))
    .then(() => bruno.locator('text=Issued').first().waitFor({ timeout: 2000 })));
  await bruno.getByTestId('step-start').click();
  await expectStatus(bruno, 'work-status', 'IN_PROGRESS');

  step('Bruno records the vibration reading (within limits) and completes the work');
  const item = bruno.getByTestId('checklist-vibration-after-welding');
  await item.getByLabel('Reading (mm/s)').fill('4.2');
  await item.getByRole('button', { name: 'Record' }).click();
  await bruno.getByTestId('checklist-vibration-after-welding').filter({ hasText: 'Passed' }).waitFor();
  await shot(bruno, 'work-detail');
  await bruno.getByTestId('step-complete').click();
  await confirm(bruno, 'Complete');
  await expectStatus(bruno, 'work-status', 'DONE');

  step('Bruno hands the permit back and removes the isolation');
  await bruno.goto(permitUrl);
  await eventually(bruno, () => bruno.getByText('ready for hand-back').first().waitFor({ timeout: 2000 }));
  await bruno.getByTestId('permit-handback').click();
  await expectStatus(bruno, 'permit-status', 'HANDED_BACK');
  await bruno.getByTestId('isolation-remove').click();
  await bruno.getByTestId('isolation-row').filter({ hasText: 'Removed' }).waitFor();

  step('Paul closes the permit, Carla closes the work');
  await paul.reload();
  await paul.getByTestId('permit-close').click();
  await expectStatus(paul, 'permit-status', 'CLOSED');
  await carla.goto(workUrl);
  // work-service records the permit's closing on the work too, possibly while Carla has it open
  await confirmOnFreshState(carla, 'step-close', 'Close');
  await expectStatus(carla, 'work-status', 'CLOSED');
  await carla.getByTestId('history-event').filter({ hasText: 'closed' }).first().waitFor();

  step('Anna looks at pump P-101 in the asset tree');
  await anna.goto(`/sites/${NORTH}/assets`);
  await anna.getByTestId('asset-P-101').click();
  await anna.getByTestId('asset-panel').waitFor();
  await expectStatus(anna, 'asset-status', 'IN_SERVICE');
  await shot(anna, 'assets');

  step('Audrey (auditor) views the state of the site as of now');
  const audrey = await person(browser, 'audrey.auditor');
  pages.push(audrey);
  await audrey.goto(`/sites/${NORTH}/audit`);
  await audrey.getByTestId('as-of-show').click();
  await audrey.getByTestId('as-of-state').waitFor();
  await audrey.getByText('Permits in force').first().waitFor();
  await shot(audrey, 'audit');

  step('the board on a tablet');
  await anna.setViewportSize({ width: 820, height: 1180 });
  await anna.goto(`/sites/${NORTH}/board`);
  await anna.getByTestId('work-row').first().waitFor();
  await shot(anna, 'board-tablet');

  console.log('PORTAL E2E PASSED');
  await browser.close();
  process.exit(0);
} catch (e) {
  console.error(`PORTAL E2E FAILED at step "${current}": ${e && e.stack ? e.stack : e}`);
  for (const [i, page] of pages.entries()) {
    if (SHOTS) await page.screenshot({ path: join(SHOTS, `failure-${i}.png`) }).catch(() => {});
  }
  await browser.close().catch(() => {});
  process.exit(1);
}
