import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { Role } from '@maillage/auth';
import type { TestApi } from './api';

/** Browser tests of the web console: Debian's Chromium driven by playwright-core (no downloads). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = path.resolve(__dirname, '..', '..', 'test-artifacts');
export const SCREENSHOTS = path.join(ARTIFACTS, 'screenshots');
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

export interface AxeFindings {
  violations: number;
  passes: number;
  /** Serious or critical violations, one readable line each (what the tests assert empty). */
  serious: string[];
}

/** Screenshots the page (full) under `label`, then runs axe-core's WCAG 2.1 A/AA rules on it. */
export async function screenshotAndAxe(page: Page, label: string): Promise<AxeFindings> {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: path.join(SCREENSHOTS, `${label}.png`), fullPage: true });
  await page.addScriptTag({ content: AXE_SOURCE });
  const result = (await page.evaluate(() =>
    (globalThis as unknown as { axe: { run(o: unknown): Promise<unknown> } }).axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }),
  )) as { violations: AxeViolation[]; passes: unknown[] };
  const serious = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${label}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
  return { violations: result.violations.length, passes: result.passes.length, serious };
}

/** A person with an e-mail and a password, made as people are: an admin's invitation, then its link. */
export async function invitedPerson(
  api: TestApi,
  role: Role,
  organisationId: string,
  actorIds?: string[],
): Promise<{ email: string; password: string }> {
  const admin = await api.user(Role.ADMIN);
  const email = `${role.toLowerCase()}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@console.test`;
  const password = 'correct horse battery staple';
  const created = await api.ok<{ createInvitation: { link: string } }>(
    `mutation($input: CreateInvitationInput!) { createInvitation(input: $input) { link } }`,
    { input: { email, role, organisationId, actorIds } },
    admin.apiKey,
  );
  const token = created.createInvitation.link.split('/').pop()!;
  const res = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-maillage-csrf': '1' },
    body: JSON.stringify({
      query: `mutation($t: String!, $p: String!) { acceptInvitation(token: $t, password: $p) { authenticated } }`,
      variables: { t: token, p: password },
    }),
  });
  const body = (await res.json()) as { errors?: unknown };
  if (body.errors) throw new Error(`acceptInvitation failed: ${JSON.stringify(body.errors)}`);
  return { email, password };
}

/** Signs in on the console's sign-in page with an e-mail and a password. */
export async function signInWithPassword(
  page: Page,
  baseUrl: string,
  who: { email: string; password: string },
): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByRole('textbox', { name: 'Adresse e-mail' }).fill(who.email);
  await page.getByRole('textbox', { name: 'Mot de passe' }).fill(who.password);
  await page.getByRole('button', { name: 'Se connecter' }).last().click();
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
}
