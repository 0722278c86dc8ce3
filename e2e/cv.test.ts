import { mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { expect, test } from 'vitest';
import { soraniNames } from '../packages/web/src/i18n/sorani-names';
import { demo, demoCookies, demoSession } from './support/api';
import { collectPageErrors, desktop, phone } from './support/browser';
import type { RunningServer } from './support/server';
import { withServerAndBrowser } from './support/suite';

/**
 * The printable profile (C7, C9): a counsellor opens a demo person's print view from the person
 * page, in French with Arabic beside it, and prints it to PDF. Screenshots go to /tmp (review only).
 */

let server: RunningServer;
let browser: Browser;
const shots = process.env.CV_SHOTS_DIR ?? '/tmp/review-shots-s7/cv';
const axeSource = createRequire(import.meta.url)('axe-core').source as string;

withServerAndBrowser((started, launched) => {
  server = started;
  browser = launched;
});

async function counsellorContext(
  device: typeof desktop | typeof phone,
  bypassCSP = false,
): Promise<BrowserContext> {
  const context = await browser.newContext({ ...device, baseURL: server.url, locale: 'fr', bypassCSP });
  await context.addCookies(await demoCookies(server.url, demo.counsellor));
  return context;
}

interface DemoPerson {
  id: string;
  skills?: { uri?: string; label?: string }[];
  workExperience?: { occupation?: { uri?: string } }[];
}

/**
 * A demo person the counsellor sees with at least one taxonomy skill, that skill and the
 * occupation of a past job; one whose job is from the starter catalogue (`urn:passerelle:`) first,
 * then one with any coded job (some demo people have none: then the job's check would not run).
 */
async function personWithSkill(): Promise<{ id: string; uri: string; occupation: string | null }> {
  const api = await demoSession(server.url, demo.counsellor);
  const people = await api.call<{ items: DemoPerson[] }>('GET', '/api/people?limit=20');
  const found: { id: string; uri: string; occupation: string | null }[] = [];
  for (const p of people.body.items) {
    const full = await api.call<DemoPerson>('GET', `/api/people/${p.id}`);
    const skill = full.body.skills?.find((s) => s.uri?.startsWith('http'));
    const occupation = full.body.workExperience?.find((w) => w.occupation?.uri)?.occupation?.uri ?? null;
    if (skill?.uri) found.push({ id: p.id, uri: skill.uri, occupation });
  }
  const chosen =
    found.find((f) => f.occupation?.startsWith('urn:')) ?? found.find((f) => f.occupation) ?? found[0];
  if (!chosen) throw new Error('no demo person with a taxonomy skill');
  return chosen;
}

async function conceptLabel(uri: string, lang: string): Promise<string> {
  const api = await demoSession(server.url, demo.counsellor);
  const c = await api.call<{ label: string }>(
    'GET',
    `/api/taxonomy/concepts/${encodeURIComponent(uri)}?lang=${lang}`,
  );
  expect(c.status).toBe(200);
  return c.body.label;
}

test('a counsellor prints a person’s profile in French and Arabic side by side, as a PDF', async () => {
  mkdirSync(shots, { recursive: true });
  const { id, uri, occupation } = await personWithSkill();
  // CSP bypassed only to inject axe-core.
  const context = await counsellorContext(desktop, true);
  const page = await context.newPage();
  const errors = collectPageErrors(page);

  await page.goto(`/workspace/people/${id}`);
  await page.getByRole('link', { name: 'Imprimer le profil' }).waitFor();
  await page.screenshot({ path: join(shots, 'person-page-fr.png') });
  await page.getByRole('link', { name: 'Imprimer le profil' }).click();
  await page.waitForURL(`**/workspace/people/${id}/print`);
  await page.getByLabel('Deuxième langue').selectOption('ar');
  await page.waitForURL(/second=ar/);

  const fr = page.locator('article.cv-column[lang="fr"]');
  const ar = page.locator('article.cv-column[lang="ar"]');
  await fr.waitFor();
  await ar.waitFor();
  expect(await fr.getAttribute('dir')).toBe('ltr');
  expect(await ar.getAttribute('dir')).toBe('rtl');
  await fr.getByRole('heading', { name: 'Compétences', exact: true }).waitFor();
  await ar.getByRole('heading', { name: 'المهارات', exact: true }).waitFor();
  await fr.getByRole('heading', { name: 'Expérience professionnelle', exact: true }).waitFor();
  // A skill named from the taxonomy in each column's language.
  const skillFr = await conceptLabel(uri, 'fr');
  const skillAr = await conceptLabel(uri, 'ar');
  await fr.locator('.cv-tags li', { hasText: skillFr }).first().waitFor();
  await ar.locator('.cv-tags li', { hasText: skillAr }).first().waitFor();
  console.log(`cv e2e: skill ${uri} fr="${skillFr}" ar="${skillAr}"`);
  // The occupation of a past job too (ESCO or starter-catalogue URI).
  if (occupation) {
    const jobFr = await conceptLabel(occupation, 'fr');
    const jobAr = await conceptLabel(occupation, 'ar');
    await fr.locator('.cv-entry strong', { hasText: jobFr }).first().waitFor();
    await ar.locator('.cv-entry strong', { hasText: jobAr }).first().waitFor();
    console.log(`cv e2e: occupation ${occupation} fr="${jobFr}" ar="${jobAr}"`);
  }
  await page.screenshot({ path: join(shots, 'desktop-fr-ar.png'), fullPage: true });
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id + ': ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')))`,
  )) as string[];
  expect(violations).toEqual([]);

  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('.topbar').isVisible()).toBe(false);
  expect(await page.getByRole('button', { name: 'Imprimer' }).isVisible()).toBe(false);
  await page.screenshot({ path: join(shots, 'print-fr-ar.png'), fullPage: true });
  const pdfPath = join(shots, 'profile-fr-ar.pdf');
  const pdf = await page.pdf({ path: pdfPath, format: 'A4', printBackground: false });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  console.log(`cv e2e: PDF ${pdf.length} bytes, ${pages} page(s)`);
  expect(statSync(pdfPath).size).toBeGreaterThan(1000);
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(errors).toEqual([]);
  await context.close();

  // On a phone the two languages follow one another.
  const phoneContext = await counsellorContext(phone);
  const small = await phoneContext.newPage();
  await small.goto(`/workspace/people/${id}/print?second=ar`);
  await small.locator('article.cv-column[lang="ar"]').waitFor();
  await small.locator('article.cv-column[lang="fr"] .cv-tags li', { hasText: skillFr }).first().waitFor();
  await small.locator('article.cv-column[lang="ar"] .cv-tags li', { hasText: skillAr }).first().waitFor();
  const [a, b] = await Promise.all([
    small.locator('article.cv-column[lang="fr"]').boundingBox(),
    small.locator('article.cv-column[lang="ar"]').boundingBox(),
  ]);
  expect(b!.y).toBeGreaterThan(a!.y + a!.height - 1);
  await small.screenshot({ path: join(shots, 'phone-fr-ar.png'), fullPage: true });
  await phoneContext.close();

  // Sorani beside English: names of countries and languages from the Sorani names loader.
  const ckbContext = await counsellorContext(desktop);
  const ckbPage = await ckbContext.newPage();
  await ckbPage.goto(`/workspace/people/${id}/print?lang=en&second=ckb`);
  const ckb = ckbPage.locator('article.cv-column[lang="ckb"]');
  await ckb.waitFor();
  expect(await ckb.getAttribute('dir')).toBe('rtl');
  await ckb.getByRole('heading', { name: 'کارامەییەکان', exact: true }).waitFor();
  await ckbPage.locator('article.cv-column[lang="en"]').getByRole('heading', { name: 'Skills' }).waitFor();
  await ckb
    .locator('.cv-tags li', { hasText: await conceptLabel(uri, 'ckb') })
    .first()
    .waitFor();
  // A language of the person by its Sorani name from CLDR (Chromium's Intl would give English).
  const api = await demoSession(server.url, demo.counsellor);
  const person = await api.call<{ languages?: { language?: string }[] }>('GET', `/api/people/${id}`);
  const named = (person.body.languages ?? [])
    .map((l) => soraniNames.language(l.language ?? ''))
    .find((n) => n !== undefined);
  expect(named, 'the CV person speaks a language CLDR names in Sorani').toBeTruthy();
  await ckb.locator('.cv-entry strong', { hasText: named! }).first().waitFor();
  await ckbPage.screenshot({ path: join(shots, 'desktop-en-ckb.png'), fullPage: true });
  await ckbContext.close();
});

test('phone and email are printed only while the person agrees to share their profile with employers', async () => {
  // Set-up: a person with a phone and an email, and no consent yet.
  const api = await demoSession(server.url, demo.counsellor);
  const created = await api.call<{ id: string }>('POST', '/api/people', {
    givenName: 'Nadia',
    familyName: 'Printed',
    contact: { phone: '+32 470 00 00 01', email: 'nadia.printed@example.org' },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.id;

  const context = await counsellorContext(desktop);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  // Asked for in the address, but without the consent the box is off and nothing is printed (the
  // interface is in French here).
  await page.goto(`/workspace/people/${id}/print?lang=en&contact=1`);
  const box = page.getByRole('checkbox', { name: 'Afficher le téléphone et le courriel' });
  await page.getByText(/^Non affichés : la personne n’a pas accepté/).waitFor();
  expect(await box.isDisabled()).toBe(true);
  expect(await box.isChecked()).toBe(false);
  await page.locator('article.cv-column').getByRole('heading', { name: 'Nadia Printed' }).waitFor();
  expect(await page.locator('.cv-contact').count()).toBe(0);

  // Recorded (as the Consents tab does): the same address prints them.
  const given = await api.call<{ id: string }>('POST', `/api/people/${id}/consents`, {
    purpose: 'share_profile_with_employer',
    recipientCategory: 'employers',
    method: 'signed_form',
  });
  expect(given.status, JSON.stringify(given.body)).toBe(201);
  await page.reload();
  await page
    .getByText(/^La personne a accepté le .+ que son profil soit partagé avec des employeurs\.$/)
    .waitFor();
  expect(await box.isChecked()).toBe(true);
  const contact = page.locator('.cv-contact');
  await contact.waitFor();
  expect(await contact.textContent()).toContain('nadia.printed@example.org');
  await page.screenshot({ path: join(shots, 'contact-with-consent.png') });

  // Withdrawn: left out again.
  const withdrawn = await api.call('POST', `/api/consents/${given.body.id}/withdraw`, { reason: 'e2e' });
  expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
  await page.reload();
  await page.getByText(/^Non affichés : la personne n’a pas accepté/).waitFor();
  expect(await page.locator('.cv-contact').count()).toBe(0);
  expect(errors).toEqual([]);
  await context.close();
});
