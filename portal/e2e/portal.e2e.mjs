// End-to-end test of the portal in a real browser (Debian's Chromium driven by playwright-core), against a
// running platform: SITEWORK_URL (default http://localhost:8080). The README's scenario, one person per browser
// context: log in, create work, raise and resolve a blocker, run the permit-controlled job, see the live
// notification arrive, view the as-of state. Then the screens around it: a site admin's webhook (delivered to a
// receiver this script runs, its signature checked) with its delivery log, the notification rules; a user's
// preferences; the auditor's item timeline, chain verification and export; an org admin's read-model rebuild;
// a planner's saved board view. Screenshots of the main screens go to SITEWORK_SCREENSHOTS (if set). Every main
// screen is audited with axe (WCAG 2.0/2.1/2.2 A and AA rules): a serious or critical violation fails the run.
// Exit code 0 when every step held; otherwise the failing step is printed (with a screenshot beside the others).
import { chromium } from 'playwright-core';
import { check, until } from './support.mjs';
import AxeBuilder from '@axe-core/playwright';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
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

/**
 * Waits until no query of the page is loading (no busy progress indicator; a determinate one shows progress, not
 * loading). Not "network idle": the live notification stream keeps a request open on every signed-in page.
 */
async function settled(page) {
  await page.waitForFunction(() => !document.querySelector('[role="progressbar"]:not([aria-valuenow])'), null, { timeout: 10_000 })
    .catch(() => {});
  await page.waitForTimeout(300); // transitions (tab indicator, collapse) end
}

async function shot(page, name) {
  if (!SHOTS) return;
  await settled(page);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
}

// WCAG 2.0, 2.1 and 2.2, levels A and AA
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const FAILING_IMPACTS = ['serious', 'critical'];
const inaccessible = [];

/** Audits the page as it is shown now; prints every violation, remembers the serious and critical ones. */
async function audit(page, screen) {
  await settled(page);
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  for (const v of violations) {
    const failing = FAILING_IMPACTS.includes(v.impact);
    console.log(`  [axe ${screen}] ${failing ? 'FAIL' : 'note'} ${v.impact} ${v.id}: ${v.help} (${v.helpUrl})`);
    for (const node of v.nodes) {
      console.log(`      ${node.target.join(' ')}: ${(node.failureSummary ?? '').replace(/\s*\n\s*/g, ' ')}`);
    }
    if (failing) inaccessible.push(`${screen}: ${v.id} (${v.impact}, ${v.nodes.length} element(s))`);
  }
  if (violations.length === 0) console.log(`  [axe ${screen}] no violation`);
}


/** A webhook receiver on this machine (the embedded default delivers to private addresses): it keeps what it gets. */
async function startReceiver() {
  const received = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => {
      received.push({ path: req.url, headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/sitework-events`, received, close: () => server.close() };
}

/** Standard Webhooks: v1,base64(HMAC-SHA256(base64-decoded secret, "{id}.{timestamp}.{body}")). */
function signedWith(secret, delivery) {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const id = delivery.headers['webhook-id'];
  const timestamp = delivery.headers['webhook-timestamp'];
  const expected = Buffer.from(createHmac('sha256', key).update(`${id}.${timestamp}.${delivery.body}`).digest('base64'));
  return String(delivery.headers['webhook-signature'] ?? '').split(' ')
    .map((entry) => Buffer.from(entry.replace(/^v1,/, '')))
    .some((given) => given.length === expected.length && timingSafeEqual(given, expected));
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

/** A browser of their own, logged in; {@code device}: a tablet (800 × 1280, touch) rather than a desktop. */
async function person(browser, subject, device = 'desktop') {
  const context = await browser.newContext(device === 'tablet'
    ? { viewport: { width: 800, height: 1280 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1, baseURL: BASE }
    : { viewport: { width: 1280, height: 860 }, baseURL: BASE });
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
  await audit(loginPage, 'login');

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
  await audit(anna, 'board');

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
  await audit(bruno, 'notifications');

  step('Anna plans the work for Bruno');
  await anna.getByTestId('step-plan').click();
  await anna.getByRole('dialog').getByLabel('Assignees (logins, comma separated)').fill('bruno.tech');
  await audit(anna, 'dialog: plan');
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
  await audit(bruno, 'blocked');

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
  await audit(paul, 'permit detail');

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
  await audit(bruno, 'work detail');
  await bruno.getByTestId('step-complete').click();
  await audit(bruno, 'dialog: complete');
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
  await audit(anna, 'assets');

  step('Audrey (auditor) views the state of the site as of now');
  const audrey = await person(browser, 'audrey.auditor');
  pages.push(audrey);
  await audrey.goto(`/sites/${NORTH}/audit`);
  await audrey.getByTestId('as-of-show').click();
  await audrey.getByTestId('as-of-state').waitFor();
  await audrey.getByText('Permits in force').first().waitFor();
  await shot(audrey, 'audit');
  await audit(audrey, 'audit');

  step('the board on a tablet');
  await anna.setViewportSize({ width: 820, height: 1180 });
  await anna.goto(`/sites/${NORTH}/board`);
  await anna.getByTestId('work-row').first().waitFor();
  await shot(anna, 'board-tablet');
  await anna.setViewportSize({ width: 1280, height: 860 });

  const workId = workUrl.split('/').pop();
  const permitId = permitUrl.split('/').pop();

  step('Paul looks over the site\'s permits: the closed one is listed');
  await paul.goto(`/sites/${NORTH}/permits`);
  await paul.getByRole('table', { name: 'Permits' }).getByTestId('permit-row').filter({ hasText: 'Closed' }).first().waitFor();
  await audit(paul, 'permits');

  step('Sam (site admin) subscribes a receiver to the site\'s work events: the signing secret is shown once');
  const receiver = await startReceiver();
  const sam = await person(browser, 'sam.siteadmin');
  pages.push(sam);
  // the start page sends him on to his site's board once his sites are known: from there, to Admin
  await sam.waitForURL(`**/sites/${NORTH}/board`);
  await sam.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await sam.getByRole('heading', { name: 'Admin', level: 1 }).waitFor();
  const subscribe = sam.getByRole('form', { name: 'New webhook' });
  await subscribe.getByRole('textbox', { name: 'URL' }).fill(receiver.url);
  await subscribe.getByRole('textbox', { name: /^Event types/ }).fill('io.sitework.work.*');
  await subscribe.getByRole('textbox', { name: 'Description' }).fill(`Browser test receiver (${run})`);
  await subscribe.getByRole('button', { name: 'Subscribe' }).click();
  const secret = (await subscribe.getByRole('alert').filter({ hasText: 'shown this once' }).locator('code').textContent()).trim();
  check(/^whsec_[A-Za-z0-9+/=]+$/.test(secret), `the signing secret looks like whsec_…, not "${secret}"`);
  await subscribe.getByRole('alert').filter({ hasText: 'shown this once' }).getByRole('button', { name: 'Close' }).click();
  await subscribe.locator('code').waitFor({ state: 'detached' });
  const hookRow = sam.getByRole('table', { name: 'Webhooks' }).getByRole('row').filter({ hasText: receiver.url });
  await hookRow.locator('[data-status="ENABLED"]').waitFor();

  step('Anna comments on the work: the receiver gets the event, signed with that secret');
  await anna.goto(workUrl);
  const COMMENT = `Bracket holds at full flow (${run})`;
  await anna.getByRole('textbox', { name: 'Add a comment' }).fill(COMMENT);
  await anna.getByRole('button', { name: 'Post', exact: true }).click();
  await anna.getByText(COMMENT).waitFor();
  const isTheComment = (d) => { const e = JSON.parse(d.body); return e.type === 'io.sitework.work.comment_added.v1' && e.subject === workId; };
  const first = await until(() => receiver.received.find(isTheComment), 'the receiver got the comment');
  check(signedWith(secret, first), `the delivery's webhook-signature does not verify with the secret shown: ${JSON.stringify(first.headers)}`);

  step('Sam opens the delivery log: delivered, answered 204; sent again, it arrives again with the same webhook-id');
  await hookRow.getByRole('button', { name: 'Deliveries' }).click();
  await sam.getByRole('heading', { name: `Delivery log of ${receiver.url}` }).waitFor();
  const deliveryRow = sam.getByRole('table', { name: 'Deliveries' }).getByRole('row').filter({ hasText: 'io.sitework.work.comment_added.v1' });
  // the log refreshes itself every 10 s
  await deliveryRow.locator('[data-status="DELIVERED"]').waitFor({ timeout: 30_000 });
  await deliveryRow.getByRole('cell', { name: '204' }).waitFor();
  await shot(sam, 'admin');
  await audit(sam, 'admin: webhooks and delivery log');
  await deliveryRow.getByRole('button', { name: 'Send again' }).click();
  await until(() => receiver.received.filter((d) => d.headers['webhook-id'] === first.headers['webhook-id']).length >= 2,
    'the receiver got the delivery again');
  await deliveryRow.getByRole('cell', { name: '2', exact: true }).waitFor({ timeout: 30_000 });
  await deliveryRow.locator('[data-status="DELIVERED"]').waitFor({ timeout: 30_000 });
  receiver.close();

  step('Sam changes the site\'s notification rules (typing, as a person does); the change is kept, then undone');
  await sam.getByRole('tab', { name: 'Notification rules' }).click();
  const permitRoles = sam.getByRole('textbox', { name: 'Permit requested roles' });
  check(await permitRoles.inputValue() === 'PERMIT_AUTHORITY', `permit requests go to PERMIT_AUTHORITY by default, not "${await permitRoles.inputValue()}"`);
  await permitRoles.click();
  await sam.keyboard.press('End');
  await sam.keyboard.type(', supervisor');
  check(await permitRoles.inputValue() === 'PERMIT_AUTHORITY, supervisor', `the roles field shows what was typed, not "${await permitRoles.inputValue()}"`);
  await sam.getByRole('checkbox', { name: 'Work changed enabled' }).uncheck();
  await sam.getByRole('button', { name: 'Save rules' }).click();
  await sam.getByRole('button', { name: 'Save rules' }).and(sam.locator('[disabled]')).waitFor();
  await sam.reload();
  await sam.getByRole('tab', { name: 'Notification rules' }).click();
  const roleSet = async () => (await permitRoles.inputValue()).split(',').map((r) => r.trim()).sort().join(',');
  await until(async () => await roleSet() === 'PERMIT_AUTHORITY,SUPERVISOR', 'the saved roles are shown after a reload');
  check(!(await sam.getByRole('checkbox', { name: 'Work changed enabled' }).isChecked()), '"work changed" stays disabled after a reload');
  await shot(sam, 'admin-rules');
  await audit(sam, 'admin: notification rules');
  await sam.getByRole('button', { name: 'Back to the defaults' }).click();
  await until(async () => await permitRoles.inputValue() === 'PERMIT_AUTHORITY', 'the default roles are back');
  check(await sam.getByRole('checkbox', { name: 'Work changed enabled' }).isChecked(), '"work changed" is enabled again by default');

  step('Bruno changes his notification preferences; they are kept after a reload');
  await bruno.goto('/notifications');
  await bruno.getByRole('tab', { name: 'Preferences' }).click();
  const prefs = bruno.getByRole('form', { name: 'Preferences' });
  const zoneField = prefs.getByRole('textbox', { name: /^Time zone/ });
  await until(async () => (await zoneField.inputValue()) !== '', 'the preferences are loaded');
  const zone = (await zoneField.inputValue()) === 'Europe/Paris' ? 'Europe/Oslo' : 'Europe/Paris';
  await zoneField.fill(zone);
  await prefs.getByLabel('Quiet hours from').fill('22:00');
  await prefs.getByLabel('Quiet hours until').fill('06:30');
  const changedByMail = prefs.getByRole('checkbox', { name: 'Work changed by e-mail' });
  const mailWanted = !(await changedByMail.isChecked());
  await changedByMail.setChecked(mailWanted);
  await prefs.getByRole('button', { name: 'Save preferences' }).click();
  await prefs.getByText('Preferences saved.').waitFor();
  await bruno.reload();
  await bruno.getByRole('tab', { name: 'Preferences' }).click();
  await until(async () => (await zoneField.inputValue()) === zone, `the time zone ${zone} is kept`);
  check(await prefs.getByLabel('Quiet hours from').inputValue() === '22:00', 'quiet hours start at 22:00 after a reload');
  check(await prefs.getByLabel('Quiet hours until').inputValue() === '06:30', 'quiet hours end at 06:30 after a reload');
  check(await changedByMail.isChecked() === mailWanted, `"work changed by e-mail" stays ${mailWanted ? 'on' : 'off'} after a reload`);
  await shot(bruno, 'preferences');
  await audit(bruno, 'notification preferences');

  step('Audrey opens the permit\'s timeline from its page, finds the work\'s by its title; both hash chains verify intact');
  await audrey.goto(`/permits/${permitId}`);
  await audrey.getByRole('link', { name: 'Audit timeline' }).click();
  await audrey.waitForURL((url) => url.pathname === `/sites/${NORTH}/audit` && url.searchParams.get('id') === permitId);
  await audrey.getByTestId('history-event').filter({ hasText: 'closed' }).first().waitFor();
  await audrey.getByTestId('verify-chain').click();
  await audrey.getByTestId('chain-verdict').filter({ hasText: /^Intact: \d+ events/ }).waitFor();
  await choose(audrey, 'Item', 'Work');
  await audrey.getByRole('combobox', { name: 'Find the work' }).fill(run);
  await audrey.getByRole('option').filter({ hasText: TITLE }).click();
  await audrey.waitForURL((url) => url.searchParams.get('id') === workId);
  await audrey.getByTestId('history-event').filter({ hasText: 'comment added' }).first().waitFor();
  await audrey.getByTestId('history-event').filter({ hasText: 'requested' }).first().waitFor();
  const commented = audrey.getByTestId('history-event').filter({ hasText: 'comment added' }).first();
  await commented.getByRole('button', { name: 'Data' }).click();
  await commented.getByText(COMMENT).waitFor();
  await commented.getByRole('button', { name: 'Hide' }).click();
  await commented.getByText(COMMENT).waitFor({ state: 'detached' });
  await audrey.getByTestId('verify-chain').click();
  const verdict = await audrey.getByTestId('chain-verdict').filter({ hasText: /^Intact: \d+ events/ }).textContent();
  const shown = await audrey.getByTestId('history-event').count();
  check(Number(verdict.match(/(\d+) events/)[1]) === shown, `the verdict covers every event of the timeline (${shown}): "${verdict}"`);
  await shot(audrey, 'audit-timeline');
  await audit(audrey, 'audit: item timeline');

  step('Audrey exports the site\'s work events: the download holds the work item\'s events');
  await audrey.getByRole('tab', { name: 'Export' }).click();
  await audit(audrey, 'audit: export');
  // the export serves settled events only (5 s): the comment may take a moment to appear
  const exported = await until(async () => {
    const [download] = await Promise.all([audrey.waitForEvent('download'), audrey.getByRole('button', { name: 'Export work events' }).click()]);
    const events = readFileSync(await download.path(), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
    const mine = events.filter((e) => e.subject === workId);
    return mine.some((e) => e.type === 'io.sitework.work.comment_added.v1') && { name: download.suggestedFilename(), mine };
  }, 'the exported file holds the comment');
  check(exported.name === `work-${NORTH}.ndjson`, `the export is saved as work-${NORTH}.ndjson, not ${exported.name}`);
  for (const type of ['requested', 'planned', 'blocker_raised', 'started', 'completed', 'closed']) {
    check(exported.mine.some((e) => e.type === `io.sitework.work.${type}.v1`), `the export holds the work's ${type} event`);
  }
  console.log(`  exported ${exported.mine.length} events of the work item`);

  step('Olga (org admin) rebuilds the work board and follows its progress to the switch');
  const olga = await person(browser, 'olga.admin');
  pages.push(olga);
  await olga.goto('/admin');
  await olga.getByRole('tab', { name: 'Replay' }).click();
  const board = olga.getByTestId('replay-work-board');
  await board.getByRole('button', { name: 'Rebuild' }).click();
  await board.locator('[data-status="RUNNING"], [data-status="SWITCHING"], [data-status="DONE"]').first().waitFor();
  await board.locator('[data-status="DONE"]').waitFor({ timeout: 60_000 });
  const progress = await board.getByText(/^\d+ of \d+ events/).textContent();
  const [, done, total] = progress.match(/^(\d+) of (\d+) events/);
  check(Number(total) > 0 && done === total, `a finished rebuild has read every event: "${progress}"`);
  await board.getByText(/^Finished .* · active work_\d+$/).waitFor();
  await shot(olga, 'admin-replay');
  await audit(olga, 'admin: replay');

  step('Anna saves a board view (search and status), clears the filters and reapplies it, also after a reload');
  await anna.goto(`/sites/${NORTH}/board`);
  await anna.getByTestId('work-row').first().waitFor();
  await anna.getByTestId('board-search').fill(run);
  await choose(anna, 'Status', 'Closed');
  await anna.keyboard.press('Escape');
  const rows = anna.getByTestId('work-row');
  await rows.filter({ hasText: TITLE }).waitFor();
  await until(async () => (await rows.count()) === 1, 'only the welding work matches the filters');
  const VIEW = `Closed welding (${run})`;
  await anna.getByRole('textbox', { name: 'Name this view' }).fill(VIEW);
  await anna.getByRole('button', { name: 'Save view' }).click();
  const viewChip = anna.getByRole('button', { name: VIEW });
  await viewChip.waitFor();
  await anna.getByRole('button', { name: 'Clear', exact: true }).click();
  await until(async () => (await anna.getByTestId('board-search').inputValue()) === '' && (await rows.count()) > 1, 'the cleared board lists all work');
  await viewChip.click();
  await until(async () => (await rows.count()) === 1, 'the view shows only the welding work again');
  check(await anna.getByTestId('board-search').inputValue() === run, 'the view puts its search back');
  await rows.filter({ hasText: TITLE }).waitFor();
  await anna.reload();
  // The board as a person finds it after a reload, counts and list loaded, before they pick the view.
  await rows.first().waitFor();
  await until(async () => /^\d+$/.test((await anna.getByTestId('tile-all').locator('.MuiTypography-h4').textContent()) ?? ''),
    'the board counts are back after the reload');
  await viewChip.click();
  await until(async () => (await anna.getByTestId('board-search').inputValue()) === run, 'the view puts its search back after a reload');
  await until(async () => (await rows.count()) === 1, 'the view, kept in this browser, still applies after a reload');
  await rows.filter({ hasText: TITLE }).waitFor();
  await shot(anna, 'board-saved-view');
  await audit(anna, 'board with a saved view');

  step('Bruno in the field, on a tablet: the board, the navigation drawer and his work item fit, with controls large enough to touch');
  const tablet = await person(browser, 'bruno.tech', 'tablet');
  pages.push(tablet);
  await tablet.goto(`/sites/${NORTH}/board`);
  await tablet.getByTestId('work-row').first().waitFor();
  check(await tablet.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    'the board fits the tablet\'s width (no sideways scrolling)');
  await audit(tablet, 'tablet: board');
  await tablet.getByRole('button', { name: 'Open navigation' }).tap();
  await tablet.getByRole('navigation', { name: 'Main' }).getByText('Blocked & waiting on me').waitFor();
  await audit(tablet, 'tablet: navigation drawer');
  await tablet.keyboard.press('Escape');
  await tablet.goto(workUrl);
  await tablet.getByTestId('work-status').waitFor();
  check(await tablet.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    'a work item fits the tablet\'s width');
  // WCAG 2.2's target size (AA) is 24 × 24 px; visually hidden inputs (1 px) are not targets
  const small = await tablet.evaluate(() => [...document.querySelectorAll(
    'main button, main [role="button"], main [role="combobox"], main input:not([type="hidden"])')]
    .map((e) => ({ name: e.getAttribute('aria-label') || e.textContent?.trim() || e.tagName, r: e.getBoundingClientRect() }))
    .filter(({ r }) => r.width > 1 && r.height > 1 && (r.height < 24 || r.width < 24))
    .map(({ name, r }) => `${name} (${Math.round(r.width)} × ${Math.round(r.height)})`));
  check(small.length === 0, `controls of the work item smaller than 24 × 24 px: ${small.join(', ')}`);
  await shot(tablet, 'tablet-work-detail');
  await audit(tablet, 'tablet: work detail');

  step('no serious or critical accessibility violation on any screen');
  check(inaccessible.length === 0, `axe found ${inaccessible.length} serious or critical violation(s) (listed above):\n  ${inaccessible.join('\n  ')}`);

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
