import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, test, type TestContext } from 'vitest';
import { apiPaths, demo, demoSession, type ApiSession } from './support/api';
import { ensureWebBuilt } from './support/build';
import { collectPageErrors, desktop, launchBrowser, newContext, phone, screenshot } from './support/browser';
import { startServer, type RunningServer } from './support/server';

/**
 * The main journey, in order, against the real server in demo mode: a counsellor signs in, takes
 * a profile in an interview, sees matches with their reasons, refers the person to a vacancy; the
 * employer accepts; the person sees their own space in Arabic, right to left. A step whose API is
 * not on the server yet says so and is skipped (never silently).
 */

let server: RunningServer;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let paths: Set<string>;
let counsellor: { context: BrowserContext; page: Page; errors: string[] };
const state: {
  personId: string | null;
  personName: string;
  vacancyTitle: string | null;
  vacancyId: string | null;
  /** The demo employer's name, which the person sees on the referral (though they may not read organisations). */
  employerName: string | null;
  /** The person's own sign-in, once they have an account. */
  personLogin: { email: string; password: string } | null;
} = {
  personId: null,
  personLogin: null,
  personName: 'Amina Haddad',
  vacancyTitle: null,
  vacancyId: null,
  employerName: null,
};
const vacancyTitle = 'Car mechanic at Garage Rustaveli';
const otherVacancyTitle = 'Mechanic for the night shift at Garage Rustaveli';
const closedVacancyTitle = 'Tyre fitter at Garage Rustaveli';

const has = (path: string) => paths.has(path);
function gap(skip: TestContext['skip'], what: string): never {
  console.warn(`e2e gap: ${what} is not on the server yet; this step is skipped.`);
  return skip(`${what} is not on the server yet`);
}

beforeAll(async () => {
  await ensureWebBuilt();
  server = await startServer();
  ({ browser, close: closeBrowser } = await launchBrowser());
  paths = await apiPaths(server.url);
  if (has('/api/vacancies')) {
    // The demo employer posts the vacancy the person will be referred to (set-up, not under test).
    const employer = await demoSession(server.url, demo.employer);
    const me = await employer.call<{ user: { organisationId: string } }>('GET', '/api/auth/session');
    const organisation = await employer.call<{ name: string }>(
      'GET',
      `/api/organisations/${me.body.user.organisationId}`,
    );
    state.employerName = organisation.status === 200 ? organisation.body.name : null;
    const hits = await employer.call<{ items: { uri: string; label: string; iscoCode: string | null }[] }>(
      'GET',
      '/api/taxonomy/search?q=car%20mechanic&type=occupation&limit=1',
    );
    const occupation = hits.body.items?.[0];
    const admin = await demoSession(server.url, demo.admin);
    const body = {
      employerId: me.body.user.organisationId,
      title: vacancyTitle,
      occupation: occupation
        ? { uri: occupation.uri, label: occupation.label, iscoCode: occupation.iscoCode }
        : { label: 'car mechanic' },
      location: { country: 'IQ', city: 'Erbil' },
      seats: 2,
    };
    let created = await employer.call<{ id: string }>('POST', '/api/vacancies', body);
    if (created.status === 403) created = await admin.call<{ id: string }>('POST', '/api/vacancies', body);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    state.vacancyId = created.body.id;
    // A second opening the person fits, so that their own space offers them something besides the
    // vacancy they are referred to whatever the demo data holds (with demo data dated 90 days back,
    // when no demo vacancy was open any more, the check of who offers each opportunity failed).
    const otherBody = { ...body, title: otherVacancyTitle };
    let other = await employer.call<{ id: string }>('POST', '/api/vacancies', otherBody);
    if (other.status === 403) other = await admin.call<{ id: string }>('POST', '/api/vacancies', otherBody);
    expect(other.status, JSON.stringify(other.body)).toBe(201);
    // And a closed one, which the employer's page still lists (whether the demo employer has
    // closed vacancies of its own depends on the draw of the demo data).
    const closedBody = { ...body, title: closedVacancyTitle, status: 'closed' };
    let closed = await employer.call<{ id: string; status: string }>('POST', '/api/vacancies', closedBody);
    if (closed.status === 403)
      closed = await admin.call<{ id: string; status: string }>('POST', '/api/vacancies', closedBody);
    expect(closed.status, JSON.stringify(closed.body)).toBe(201);
    expect(closed.body.status).toBe('closed');
  }
  const context = await newContext(browser, server.url, 'en', desktop);
  const page = await context.newPage();
  counsellor = { context, page, errors: collectPageErrors(page) };
}, 300_000);

/** The page the current step works in, photographed when the step fails. */
let current: Page | null = null;
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' && current && !current.isClosed()) {
    await screenshot(current, `failed-${task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`);
  }
});

afterAll(async () => {
  await closeBrowser?.();
  await server?.stop();
});

test('a counsellor signs in with a demo account shown on the sign-in page', async () => {
  const { page } = counsellor;
  current = page;
  await page.goto('/');
  await page.getByRole('heading', { level: 1, name: 'Sign in to Passerelle' }).waitFor();
  await page.getByRole('heading', { name: 'Demo accounts' }).waitFor();
  expect(await page.locator('.demo-cred').count()).toBeGreaterThanOrEqual(3);
  await screenshot(page, 'journey-01-sign-in');
  await page.locator('[data-demo-role="counsellor"]').click();
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/workspace');
  await page.getByRole('heading', { name: 'My caseload' }).waitFor();
  await page
    .locator('section[aria-labelledby="caseload-title"]')
    .locator('ul.rows, p.muted:not([role="status"]), .notice')
    .first()
    .waitFor();
  await page.waitForLoadState('networkidle');
  await screenshot(page, 'journey-02-dashboard');
  expect(counsellor.errors).toEqual([]);
}, 60_000);

test('the counsellor creates a person through the interview, in English and Arabic side by side', async () => {
  const { page } = counsellor;
  current = page;
  await page.getByRole('link', { name: 'New person (interview)' }).click();
  await page.getByRole('heading', { level: 1, name: 'New profile: interview' }).waitFor();
  await page.getByLabel('Given name').fill('Amina');
  await page.getByLabel('Family name').fill('Haddad');
  await page.locator('#i-lang').selectOption('ar');
  await page.locator('#i-host').selectOption('BE');
  await page.locator('#i-return').selectOption('IQ');
  // The person's column shows the same question in Arabic, right to left.
  const ask = page.locator('.ask-person').first();
  await expect.poll(() => ask.textContent()).toBe('ما اسمك؟');
  expect(await ask.getAttribute('dir')).toBe('rtl');
  await screenshot(page, 'journey-03-interview-start');

  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('In the person’s own words').fill('I repaired cars in Erbil for 3 years');
  if (has('/api/text/suggest')) {
    // The person's words suggest occupations and skills; the counsellor confirms them (none taken here).
    await page.getByRole('button', { name: 'Suggest occupations and skills' }).click();
    const suggested = page.getByRole('list', { name: 'Text suggestions' }).getByRole('button');
    await suggested.first().waitFor({ timeout: 15_000 });
    expect(await suggested.count()).toBeGreaterThan(0);
  }
  if (has('/api/taxonomy/search')) {
    await page.getByRole('combobox', { name: 'Occupation' }).fill('mechanic');
    const option = page.locator('.listbox .listbox-item').first();
    await option.waitFor({ timeout: 15_000 });
    await option.click();
    await page.locator('.chips .chip', { hasText: 'mechanic' }).first().waitFor();
  } else {
    console.warn('e2e gap: taxonomy search is not on the server yet; the occupation is kept as free text.');
  }
  await screenshot(page, 'journey-04-interview-experience');
  await page.getByRole('button', { name: 'Next' }).click();
  if (has('/api/taxonomy/search')) {
    await page.getByRole('combobox', { name: 'Skill' }).fill('repair');
    const option = page.locator('.listbox .listbox-item').first();
    await option.waitFor({ timeout: 15_000 });
    await option.click();
  }
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('heading', { name: /Check and save/ }).waitFor();
  // Consent asked in both languages; recorded as a signed form.
  await page.locator('.consents .checkbox', { hasText: 'Use my profile to find opportunities' }).click();
  await page
    .locator('.consents .checkbox', { hasText: 'Send my profile to employers I am referred to' })
    .click();
  await page.locator('.consents .checkbox', { hasText: 'Share my profile with employers' }).click();
  expect(await page.locator('.consents .checkbox[data-selected]').count()).toBe(3);
  await screenshot(page, 'journey-05-interview-review');
  await page.getByRole('button', { name: 'Save the profile' }).click();
  if (!has('/api/people')) {
    await page.getByText('Not available yet').waitFor();
    await screenshot(page, 'journey-06-person-not-available');
    console.warn(
      'e2e gap: the people API is not on the server yet; the interview shows "not available yet".',
    );
    return;
  }
  await page.getByRole('heading', { level: 1, name: state.personName }).waitFor({ timeout: 20_000 });
  state.personId = new URL(page.url()).pathname.split('/').pop() ?? null;
  expect(state.personId).toMatch(/^[0-9a-f-]{36}$/);
  await page.getByRole('heading', { name: 'Work experience' }).waitFor();
  // The profile's completeness, overall and section by section.
  expect(await page.locator('.person-meta').textContent()).toMatch(/Profile \d+\s?% complete/);
  expect(await page.locator('.section .badge').count()).toBeGreaterThanOrEqual(9);
  await screenshot(page, 'journey-06-person');
  expect(counsellor.errors).toEqual([]);
}, 90_000);

test('the person page shows matches with their reasons', async ({ skip }) => {
  if (!state.personId) return gap(skip, 'the people API');
  if (!has('/api/people/{id}/matches')) return gap(skip, 'matching (GET /api/people/{id}/matches)');
  const { page } = counsellor;
  current = page;
  await page.getByRole('tab', { name: 'Matches' }).click();
  await page.locator('article.match').first().waitFor({ timeout: 30_000 });
  // The vacancy posted for a car mechanic is among the matches, and says why.
  const card = state.vacancyId
    ? page.locator('article.match', { hasText: vacancyTitle }).first()
    : page.locator('article.match').first();
  await card.waitFor({ timeout: 15_000 });
  await card.getByText('Why this match').click();
  const reasons = card.locator('.criteria li');
  await reasons.first().waitFor();
  expect(await reasons.allTextContents()).toEqual(
    expect.arrayContaining([expect.stringMatching(/^Occupation\s*100\s*%/)]),
  );
  await screenshot(page, 'journey-07-matches');
}, 90_000);

test('the counsellor refers the person to a vacancy', async ({ skip }) => {
  if (!state.personId) return gap(skip, 'the people API');
  if (!has('/api/referrals') || !state.vacancyId) return gap(skip, 'referrals and vacancies');
  const { page } = counsellor;
  current = page;
  const fromMatches = has('/api/people/{id}/matches')
    ? page.locator('article.match', { hasText: vacancyTitle }).first()
    : null;
  if (fromMatches && (await fromMatches.isVisible())) {
    await fromMatches.getByRole('button', { name: 'Refer to this vacancy' }).click();
    await fromMatches.getByText('Referred').waitFor();
    await page.getByRole('tab', { name: 'Referrals' }).click();
  } else {
    if (fromMatches)
      console.warn('e2e note: the demo vacancy is not among the matches; referring from the Referrals tab.');
    await page.getByRole('tab', { name: 'Referrals' }).click();
    await page.getByRole('combobox', { name: 'Refer to a vacancy' }).fill('Rustaveli');
    const option = page.locator('.listbox .listbox-item', { hasText: vacancyTitle }).first();
    await option.waitFor({ timeout: 15_000 });
    await option.click();
    await page.getByText(`Referred to ${vacancyTitle}`).waitFor();
  }
  state.vacancyTitle = vacancyTitle;
  await page.locator('.rows li', { hasText: vacancyTitle }).getByText('Sent').waitFor();
  await screenshot(page, 'journey-08-referred');
  await page.goto('/workspace/referrals');
  await page.getByRole('heading', { level: 1, name: 'Referrals' }).waitFor();
  await page.getByRole('link', { name: state.personName }).first().waitFor();
  // One column per status, all seven in view on an office screen.
  const columns = page.locator('.board-col');
  expect(await columns.count()).toBe(7);
  const last = await columns.last().boundingBox();
  expect((last?.x ?? Infinity) + (last?.width ?? 0)).toBeLessThanOrEqual(page.viewportSize()?.width ?? 0);
  await screenshot(page, 'journey-09-referrals-board');
  expect(counsellor.errors).toEqual([]);
}, 90_000);

test('the counsellor sets a follow-up date on the referral, and the dashboard lists it as due', async ({
  skip,
}) => {
  if (!state.personId || !state.vacancyTitle) return gap(skip, 'a referral (needs people and referrals)');
  const { page } = counsellor;
  current = page;
  await page.goto(`/workspace/people/${state.personId}`);
  await page.getByRole('tab', { name: 'Referrals' }).click();
  const row = page.locator('.rows li', { hasText: vacancyTitle });
  // Yesterday in the browser's time zone: a follow-up already due shows as overdue.
  const yesterday = (await page.evaluate(
    `(() => { const d = new Date(); d.setDate(d.getDate() - 1); return [d.getFullYear(), String(d.getMonth() + 1).padStart(2, '0'), String(d.getDate()).padStart(2, '0')].join('-'); })()`,
  )) as string;
  await row.getByLabel('Follow up on').fill(yesterday);
  await row.getByRole('button', { name: 'Save the date' }).click();
  await row.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  const due = page.locator('section[aria-labelledby="followups-title"] li', { hasText: state.personName });
  await due.waitFor({ timeout: 15_000 });
  expect(await due.textContent()).toContain(vacancyTitle);
  await due.getByText('overdue').waitFor();
  await page.waitForLoadState('networkidle');
  await screenshot(page, 'journey-09b-follow-up-due');
  expect(counsellor.errors).toEqual([]);
}, 60_000);

test('the employer sees the referral and accepts it', async ({ skip }) => {
  if (!state.vacancyTitle) return gap(skip, 'a referral (needs people, matching and referrals)');
  const context = await newContext(browser, server.url, 'en', desktop);
  const page = await context.newPage();
  current = page;
  const errors = collectPageErrors(page);
  await page.goto('/sign-in');
  await page.locator('[data-demo-role="employer"]').click();
  await page.getByRole('heading', { level: 1, name: 'Your vacancies and candidates' }).waitFor();
  const card = page.locator('article', { hasText: state.personName }).first();
  await card.waitFor({ timeout: 20_000 });
  await screenshot(page, 'journey-10-employer-referral');
  // The employer's closed vacancies stay listed, marked as closed (the one posted closed in the set-up).
  const closedVacancy = page.locator('section[aria-labelledby="emp-vac"] li', {
    hasText: closedVacancyTitle,
  });
  await closedVacancy.locator('.badge', { hasText: 'closed' }).waitFor();
  await card.getByLabel('Feedback for the counsellor (optional)').fill('Good profile; interview on Monday.');
  await card.getByRole('button', { name: 'Accept' }).click();
  await card.locator('.badge', { hasText: 'Accepted' }).waitFor();
  await screenshot(page, 'journey-11-employer-accepted');
  expect(errors).toEqual([]);
  current = null;
  await context.close();
}, 90_000);

test('the person sees their own space in Arabic, laid out right to left, on a phone', async ({ skip }) => {
  if (!state.personId) return gap(skip, 'the people API');
  // The administrator gives the person an account linked to their record (set-up, not under test).
  const admin: ApiSession = await demoSession(server.url, demo.admin);
  const email = `amina.${Date.now()}@example.org`;
  const password = 'a long enough password for amina';
  const created = await admin.call('POST', '/api/users', {
    email,
    role: 'person',
    personId: state.personId,
    displayName: state.personName,
    password,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  state.personLogin = { email, password };

  const context = await newContext(browser, server.url, 'ar', phone);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto('/');
  await page.getByRole('heading', { level: 1, name: 'تسجيل الدخول إلى Passerelle' }).waitFor();
  expect(await page.locator('html').getAttribute('lang')).toBe('ar');
  expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
  await page.getByLabel('البريد الإلكتروني').fill(email);
  await page.getByLabel('كلمة المرور').fill(password);
  // The person's space asks only for what the person may read: once signed in, no request fails (a 403 from the
  // organisations API used to leave the cards without the employer's name).
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`);
  });
  page.on('requestfailed', (r) => failed.push(`failed ${r.method()} ${new URL(r.url()).pathname}`));
  const opportunities = page.waitForResponse(
    (r) => /\/api\/people\/[^/]+\/matches/.test(new URL(r.url()).pathname) && r.request().method() === 'GET',
    { timeout: 60_000 },
  );
  await page.getByRole('button', { name: 'تسجيل الدخول', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'مساحتي' }).waitFor({ timeout: 20_000 });
  await page.getByRole('heading', { name: 'من يمكنه رؤية بياناتي' }).waitFor();
  if (state.vacancyTitle) {
    // The referral the employer accepted is there, with its status in Arabic.
    const proposed = page.locator('section[aria-labelledby="self-proposed"] li', {
      hasText: state.vacancyTitle,
    });
    await proposed.getByText('مقبول').waitFor();
    // The person sees whom they were referred to: the employer's name.
    if (state.employerName) await proposed.getByText(state.employerName).waitFor();
    // What is already proposed is not offered again among the other opportunities.
    const others = page.locator('section[aria-labelledby="self-opps"]');
    await others.locator('article.match, p.muted:not([role="status"])').first().waitFor({ timeout: 30_000 });
    expect(await others.locator('article.match', { hasText: state.vacancyTitle }).count()).toBe(0);
  }
  // Each opportunity shows who offers it: the name sent with the match.
  const matches = (await (await opportunities).json()) as {
    items: { id: string; offeredBy?: { name: string } | null }[];
  };
  const shown = matches.items.filter((m) => m.id !== state.vacancyId);
  expect(shown.length, 'the person is offered other vacancies').toBeGreaterThan(0);
  for (const m of shown) expect(m.offeredBy?.name, `match ${m.id}`).toBeTruthy();
  const cards = page.locator('section[aria-labelledby="self-opps"] article.match');
  await cards.first().waitFor({ timeout: 30_000 });
  expect(await cards.count()).toBe(shown.length);
  const names = await cards.locator('.match-head + p.muted').allTextContents();
  expect(names).toHaveLength(shown.length);
  for (const [i, m] of shown.entries()) expect(names[i]).toContain(m.offeredBy?.name ?? '?');
  // The person makes a consent choice themselves: counting them in anonymous reports, off until now.
  const reporting = page.locator('section[aria-labelledby="self-consent"] .switch', {
    hasText: 'احتسابي في التقارير المجهولة الهوية',
  });
  const reportingSwitch = reporting.getByRole('switch');
  expect(await reportingSwitch.isChecked()).toBe(false);
  await reporting.click();
  await expect.poll(() => reportingSwitch.isChecked(), { timeout: 15_000 }).toBe(true);
  // Right to left for real: the heading starts at the right edge of the screen.
  const box = await page.getByRole('heading', { level: 1 }).boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  expect(box).not.toBeNull();
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeGreaterThan(width - 40);
  await page.waitForLoadState('networkidle');
  await screenshot(page, 'journey-12-self-service-ar-phone');
  expect(errors).toEqual([]);
  expect(failed).toEqual([]);
  await context.close();
}, 90_000);

test('the counsellor closes the case with a reason, the caseload no longer lists it, and reopens it', async ({
  skip,
}) => {
  if (!state.personId) return gap(skip, 'the people API');
  const { page } = counsellor;
  current = page;
  await page.goto(`/workspace/people/${state.personId}`);
  await page.getByRole('heading', { level: 1, name: state.personName }).waitFor();
  await page.getByRole('button', { name: 'Close the case' }).click();
  const form = page.locator('form', { has: page.getByRole('heading', { name: 'Close the case' }) });
  // Without a reason the form cannot be sent.
  expect(await form.getByRole('button', { name: 'Close the case' }).isDisabled()).toBe(true);
  await form.getByLabel('Reason').selectOption({ label: 'Moved away from the area' });
  await form.getByLabel('Note (optional)').fill('Moved to the capital for work.');
  await screenshot(page, 'journey-13-close-case');
  await form.getByRole('button', { name: 'Close the case' }).click();
  const closed = page.locator('section[aria-labelledby="case-status-title"]');
  await closed.getByText('Moved away from the area — Moved to the capital for work.').waitFor();
  await screenshot(page, 'journey-14-case-closed');
  // No matches while closed: said plainly, not as an error.
  await page.getByRole('tab', { name: 'Matches' }).click();
  await page.getByText('No matches while the case is closed: reopen it to see them.').waitFor();
  expect(await page.getByRole('alert').count()).toBe(0);

  if (state.personLogin) {
    // The person is told their case is closed, with its date only, and sees no error.
    const context = await newContext(browser, server.url, 'en', phone);
    const self = await context.newPage();
    const selfErrors = collectPageErrors(self);
    await self.goto('/');
    await self.getByLabel('E-mail').fill(state.personLogin.email);
    await self.getByLabel('Password').fill(state.personLogin.password);
    await self.getByRole('button', { name: 'Sign in', exact: true }).click();
    await self.getByRole('heading', { level: 1, name: 'My space' }).waitFor({ timeout: 20_000 });
    const opps = self.locator('section[aria-labelledby="self-opps"]');
    await opps
      .getByText(/^Your case was closed on .+\. If you would like support again, contact your counsellor\.$/)
      .waitFor();
    await self.waitForLoadState('networkidle');
    expect(await self.getByRole('alert').count()).toBe(0);
    expect(await self.getByText('Moved to the capital for work.').count()).toBe(0);
    expect(selfErrors).toEqual([]);
    await context.close();
  }

  // The people list shows open cases by default; the closed one is under "Closed cases", marked.
  await page.getByRole('link', { name: 'People', exact: true }).click();
  await page.getByLabel('Case', { exact: true }).selectOption({ label: 'Closed cases' });
  const row = page.locator('tr', { hasText: state.personName });
  await row.getByText(/^closed /).waitFor({ timeout: 15_000 });
  await screenshot(page, 'journey-15-closed-cases');

  await page.getByRole('link', { name: 'Dashboard' }).click();
  const caseload = page.locator('section[aria-labelledby="caseload-title"]');
  // The caseload has answered (its list or its empty message, not "Loading…", which is a p.muted too).
  await caseload.locator('ul.rows, p.muted:not([role="status"])').first().waitFor();
  await page.waitForLoadState('networkidle');
  expect(await caseload.getByRole('link', { name: state.personName }).count()).toBe(0);
  // The follow-up set earlier is still due after the closure (outcome follow-ups go on), marked as such.
  const followUp = page.locator('section[aria-labelledby="followups-title"] li', {
    hasText: state.personName,
  });
  if (state.vacancyTitle) {
    await followUp.getByText(/^case closed /).waitFor({ timeout: 15_000 });
    await screenshot(page, 'journey-15b-follow-up-of-closed-case');
  }

  await page.goto(`/workspace/people/${state.personId}`);
  await closed.getByRole('button', { name: 'Reopen the case' }).click();
  await page.getByRole('button', { name: 'Close the case' }).waitFor();
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await caseload.getByRole('link', { name: state.personName }).first().waitFor({ timeout: 15_000 });
  if (state.vacancyTitle) {
    await followUp.waitFor({ timeout: 15_000 });
    expect(await followUp.getByText(/^case closed /).count()).toBe(0);
  }
  expect(counsellor.errors).toEqual([]);
}, 90_000);

test('a case manager is offered to close the cases assigned to them, not a colleague’s case they can read', async () => {
  const caseManager = await demoSession(server.url, demo.caseManager);
  const me = await caseManager.call<{ user: { id: string } }>('GET', '/api/auth/session');
  const listed = await caseManager.call<{ items: { id: string; caseManagerIds?: string[] }[] }>(
    'GET',
    '/api/people?limit=100&caseStatus=open',
  );
  expect(listed.status).toBe(200);
  const mine = listed.body.items.find((p) => p.caseManagerIds?.includes(me.body.user.id));
  const colleagues = listed.body.items.find((p) => !p.caseManagerIds?.includes(me.body.user.id));
  // The demo data gives the case manager 12 of the mission's returnees and leaves others unassigned.
  expect(mine, 'a person assigned to the demo case manager').toBeDefined();
  expect(colleagues, 'a person of the mission not assigned to the demo case manager').toBeDefined();

  const context = await newContext(browser, server.url, 'en', desktop);
  const page = await context.newPage();
  current = page;
  const errors = collectPageErrors(page);
  await page.goto('/sign-in');
  await page.locator('[data-demo-role="case_manager"]').click();
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();

  await page.goto(`/workspace/people/${colleagues!.id}`);
  await page.getByRole('tab', { name: 'Profile' }).waitFor();
  await page.waitForLoadState('networkidle');
  expect(await page.getByRole('button', { name: 'Close the case' }).count()).toBe(0);

  // Closed by someone allowed: the colleague sees that it is closed, but is not offered to reopen it.
  const admin = await demoSession(server.url, demo.admin);
  const before = await admin.call<{ version: number }>('GET', `/api/people/${colleagues!.id}`);
  const closeIt = await admin.call(
    'POST',
    `/api/people/${colleagues!.id}/close`,
    { reason: 'support_ended' },
    { 'if-match': `"${before.body.version}"` },
  );
  expect(closeIt.status, JSON.stringify(closeIt.body)).toBe(200);
  await page.goto(`/workspace/people/${colleagues!.id}`);
  await page.locator('section[aria-labelledby="case-status-title"]').waitFor();
  await page.waitForLoadState('networkidle');
  expect(await page.getByRole('button', { name: 'Reopen the case' }).count()).toBe(0);
  await page.getByRole('tab', { name: 'Matches' }).click();
  await page.getByText('No matches while the case is closed.', { exact: true }).waitFor();
  const reopenIt = await admin.call('POST', `/api/people/${colleagues!.id}/reopen`, undefined, {
    'if-match': `"${before.body.version + 1}"`,
  });
  expect(reopenIt.status).toBe(200);

  await page.goto(`/workspace/people/${mine!.id}`);
  await page.getByRole('button', { name: 'Close the case' }).waitFor();
  expect(errors).toEqual([]);
  current = null;
  await context.close();
}, 60_000);

test('a filled vacancy is marked in the list and its page says plainly that nobody is matched to it', async () => {
  const api = await demoSession(server.url, demo.counsellor);
  // A filled demo vacancy (the list is searched for it below: whether one is among the 50 the list
  // shows first depends on the draw of the demo data and the order of its random ids).
  const listed = await api.call<{ items: { id: string; status: string; title: string }[] }>(
    'GET',
    '/api/vacancies?limit=1&status=filled',
  );
  const vacancy = listed.body.items?.find((v) => v.status === 'filled');
  expect(vacancy, 'the demo data has filled vacancies').toBeDefined();
  const { page } = counsellor;
  current = page;
  // The page does not ask for the candidates of a vacancy that is not open (the API would answer 409).
  const asked: string[] = [];
  const onRequest = (r: { url(): string }) => {
    if (/\/api\/vacancies\/[^/]+\/candidates/.test(new URL(r.url()).pathname)) asked.push(r.url());
  };
  page.on('request', onRequest);
  await page.goto(`/workspace/vacancies/${vacancy!.id}`);
  await page.getByText('Nobody is matched to this vacancy any more: it is filled.').waitFor();
  await page.waitForLoadState('networkidle');
  page.off('request', onRequest);
  expect(asked).toEqual([]);
  expect(await page.getByRole('alert').count()).toBe(0);
  await screenshot(page, 'journey-16-filled-vacancy');
  await page.getByRole('link', { name: 'Vacancies', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Vacancies' }).waitFor();
  await page.getByRole('searchbox', { name: 'Search' }).fill(vacancy!.title);
  const row = page.locator('tr', { has: page.locator(`a[href="/workspace/vacancies/${vacancy!.id}"]`) });
  await row.locator('.badge', { hasText: 'filled' }).waitFor({ timeout: 15_000 });
  if (state.vacancyId) {
    // An open vacancy's page still asks for its candidates, and gets them.
    const answered = page.waitForResponse((r) =>
      new URL(r.url()).pathname.endsWith(`/api/vacancies/${state.vacancyId}/candidates`),
    );
    await page.goto(`/workspace/vacancies/${state.vacancyId}`);
    expect((await answered).status()).toBe(200);
  }
  expect(counsellor.errors).toEqual([]);
}, 60_000);
