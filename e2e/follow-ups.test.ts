import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext } from 'playwright-core';
import { expect, test } from 'vitest';
import { followUpDue } from '../packages/core/src/records/follow-up-due';
import { demo, demoCookies, demoSession, type ApiSession } from './support/api';
import { collectPageErrors, desktop, screenshot } from './support/browser';
import type { RunningServer } from './support/server';
import { withServerAndBrowser } from './support/suite';

/**
 * Follow-ups after a placement (C5): a counsellor records the 3-month follow-up of a person's
 * placement on the person page and sees it listed; a wage without a currency, or a contact dated
 * in the future, is refused with the message next to the field and nothing saved. The person, the
 * employer, the vacancy and the placement are made through the API with distinctive names.
 */

let server: RunningServer;
let browser: Browser;

withServerAndBrowser((started, launched) => {
  server = started;
  browser = launched;
});

async function counsellorContext(locale = 'en'): Promise<BrowserContext> {
  const context = await browser.newContext({ ...desktop, baseURL: server.url, locale });
  await context.addCookies(await demoCookies(server.url, demo.counsellor));
  return context;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const daysAgo = (n: number) => isoDay(new Date(Date.now() - n * 86_400_000));

async function ok<T>(call: Promise<{ status: number; body: T }>, status = 201): Promise<T> {
  const res = await call;
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}

/** A person of the counsellor's caseload placed in a job that started `startedOn`, with the 1-month follow-up already recorded. */
async function placedPerson(api: ApiSession, admin: ApiSession, tag: string, startedOn: string) {
  const employer = await ok(
    admin.call<{ id: string }>('POST', '/api/organisations', {
      kind: 'employer',
      name: `Follow-up Bakery ${tag}`,
      country: 'GE',
    }),
  );
  const vacancy = await ok(
    admin.call<{ id: string }>('POST', '/api/vacancies', {
      employerId: employer.id,
      title: `Pastry cook ${tag}`,
    }),
  );
  const person = await ok(
    api.call<{ id: string }>('POST', '/api/people', { givenName: 'Tamar', familyName: `Followup ${tag}` }),
  );
  await ok(
    api.call('POST', `/api/people/${person.id}/consents`, {
      purpose: 'referral',
      recipientOrganisationId: employer.id,
      method: 'signed_form',
    }),
  );
  const referral = await ok(
    api.call<{ id: string }>('POST', '/api/referrals', {
      personId: person.id,
      targetKind: 'vacancy',
      targetId: vacancy.id,
      status: 'sent',
      on: daysAgo(120),
    }),
  );
  const step = (to: string, on: string, version: number) =>
    ok(
      api.call('POST', `/api/referrals/${referral.id}/status`, { to, on }, { 'if-match': `"${version}"` }),
      200,
    );
  await step('accepted', daysAgo(115), 1);
  await step('started', startedOn, 2);
  await ok(
    api.call('POST', `/api/people/${person.id}/follow-ups`, {
      referralId: referral.id,
      months: 1,
      on: followUpDue(startedOn, 1),
      channel: 'phone',
      reached: true,
      employed: 'yes',
    }),
  );
  return { personId: person.id, referralId: referral.id };
}

test('a counsellor records the 3-month follow-up of a placement; a wage without a currency or a future date is refused next to the field', async () => {
  const tag = randomUUID().slice(0, 6).toUpperCase();
  const api = await demoSession(server.url, demo.counsellor);
  const admin = await demoSession(server.url, demo.admin);
  const startedOn = daysAgo(110);
  const { personId, referralId } = await placedPerson(api, admin, tag, startedOn);
  const count = async () =>
    (await ok(api.call<{ items: unknown[] }>('GET', `/api/people/${personId}/follow-ups`), 200)).items.length;

  const context = await counsellorContext();
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`/workspace/people/${personId}`);
  await page.getByRole('tab', { name: 'Referrals' }).click();
  const form = page.getByRole('form', { name: 'Record a follow-up' });
  await form.waitFor();
  // The 1-month follow-up recorded through the API is listed.
  const table = page.getByRole('region', { name: 'Follow-ups, newest first' });
  await table.getByRole('cell', { name: '1 month' }).first().waitFor();

  // Choosing the placement proposes the next point not yet recorded: 3 months, with its due date.
  await form.getByLabel('Placement').selectOption(referralId);
  expect(await form.getByLabel('Follow-up point').inputValue()).toBe('3');
  await form.getByText('Next: the follow-up at 3 months, due on').waitFor();
  const due = followUpDue(startedOn, 3);
  console.log(`follow-ups e2e: placement started ${startedOn}, 3-month follow-up due ${due}`);

  await form.getByLabel('Date of the contact').fill(daysAgo(15));
  await form.getByRole('radio', { name: 'Yes' }).check({ force: true });
  await form.getByLabel('Monthly wage').fill('640');
  await form.getByLabel('Contract').selectOption('fixed_term');
  await form.getByLabel('Satisfaction (1 to 5)').selectOption('4');

  // A wage without its currency: the message stands under the currency field; nothing is saved.
  await form.getByRole('button', { name: 'Record the follow-up' }).click();
  const currencyError = form.locator('#fu-currency-error');
  await currencyError.waitFor();
  expect(await currencyError.textContent()).toBe('Give the currency of the wage (for example GEL or EUR).');
  expect(await form.getByLabel('Currency (e.g. GEL, EUR)').getAttribute('aria-invalid')).toBe('true');
  await form.getByText('Nothing was saved: correct the fields marked above.').waitFor();
  await screenshot(page, 'follow-ups-currency-error');
  expect(await count()).toBe(1);

  // A contact dated next year: refused on the date field.
  await form.getByLabel('Currency (e.g. GEL, EUR)').fill('gel');
  await form.getByLabel('Date of the contact').fill(`${new Date().getUTCFullYear() + 1}-01-15`);
  await form.getByRole('button', { name: 'Record the follow-up' }).click();
  await form.locator('#fu-on-error', { hasText: 'The date must not be after today.' }).waitFor();
  expect(await form.locator('#fu-currency-error').count()).toBe(0);
  expect(await count()).toBe(1);

  // Corrected, it is saved and listed first, with the wage in its currency.
  await form.getByLabel('Date of the contact').fill(daysAgo(15));
  await form.getByRole('button', { name: 'Record the follow-up' }).click();
  await form.getByText('Follow-up recorded.').waitFor();
  const firstRow = table.locator('tbody tr').first();
  await firstRow.getByRole('cell', { name: /3 months/ }).waitFor();
  const text = (await firstRow.textContent()) ?? '';
  expect(text).toContain('640');
  expect(text).toContain('GEL');
  expect(text).toContain('Fixed term');
  expect(text).toContain('4 of 5');
  expect(await count()).toBe(2);
  const stored = await ok(
    api.call<{ items: { months: number; monthlyWage: number; currency: string; referralId: string }[] }>(
      'GET',
      `/api/people/${personId}/follow-ups`,
    ),
    200,
  );
  expect(stored.items[0]).toMatchObject({ months: 3, monthlyWage: 640, currency: 'GEL', referralId });
  // With 1 and 3 months recorded, the form now proposes 6 months for the same placement.
  await form.getByLabel('Placement').selectOption(referralId);
  expect(await form.getByLabel('Follow-up point').inputValue()).toBe('6');
  // And the placement's reminder has moved to the 6-month point, in the referral list above too.
  const reminder = await ok(api.call<{ followUpOn: string }>('GET', `/api/referrals/${referralId}`), 200);
  expect(reminder.followUpOn).toBe(followUpDue(startedOn, 6));
  await expect.poll(() => page.getByLabel('Follow up on').inputValue()).toBe(followUpDue(startedOn, 6));
  const shot = await screenshot(page, 'follow-ups-recorded');
  console.log(`follow-ups e2e: screenshot ${shot}`);
  expect(errors).toEqual([]);
  await context.close();

  // In Arabic the table and the form run right to left, with the answers in Arabic.
  const ar = await counsellorContext('ar');
  const arPage = await ar.newPage();
  const arErrors = collectPageErrors(arPage);
  await arPage.goto(`/workspace/people/${personId}`);
  await arPage.getByRole('tab', { name: 'الإحالات' }).click();
  const arTable = arPage.getByRole('region', { name: 'المتابعات، الأحدث أولاً' });
  await arTable.getByRole('cell', { name: /3 أشهر/ }).waitFor();
  expect(await arPage.locator('html').getAttribute('dir')).toBe('rtl');
  await arPage.getByRole('form', { name: 'تسجيل متابعة' }).waitFor();
  await screenshot(arPage, 'follow-ups-ar');
  expect(arErrors).toEqual([]);
  await ar.close();

  // A follow-up recorded by mistake is deleted in two presses; the other stays.
  const again = await counsellorContext();
  const againPage = await again.newPage();
  const againErrors = collectPageErrors(againPage);
  await againPage.goto(`/workspace/people/${personId}`);
  await againPage.getByRole('tab', { name: 'Referrals' }).click();
  const rows = againPage.getByRole('region', { name: 'Follow-ups, newest first' }).locator('tbody tr');
  await expect.poll(() => rows.count()).toBe(2);
  await rows
    .last()
    .getByRole('button', { name: /^Delete the follow-up of / })
    .click();
  await rows.last().getByRole('button', { name: 'Confirm: delete' }).click();
  await expect.poll(() => rows.count()).toBe(1);
  await rows
    .first()
    .getByRole('cell', { name: /3 months/ })
    .waitFor();
  expect(await count()).toBe(1);
  expect(againErrors).toEqual([]);
  await again.close();
});
