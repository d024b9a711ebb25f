import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { Role } from '@maillage/auth';
import { TestApi } from './support/api';
import {
  SCREENSHOTS,
  invitedPerson,
  launchChromium,
  screenshotAndAxe,
  signInWithPassword,
} from './support/console';

/**
 * The wish pages of the web console in Debian's Chromium (playwright-core, headless): an actor
 * editor chooses « Je veux rencontrer » with a note for another participant, and the organiser
 * sees the wish statistics (a mutual pair). Both pages are screenshotted and checked with
 * axe-core (WCAG 2.1 A/AA rules): no serious or critical violation.
 */

describe('web console wishes (e2e, Chromium)', () => {
  let api: TestApi;
  let browser: Browser;
  let organiser: { apiKey: string; organisationId: string };
  const actors: string[] = [];
  let eventId: string;
  const tag = `Wsh${Date.now().toString(36)}`;
  const name = (i: number) => `${tag} acteur ${String(i).padStart(2, '0')}`;

  async function check(page: Page, label: string): Promise<void> {
    expect((await screenshotAndAxe(page, label)).serious).toEqual([]);
  }

  async function signedInPage(role: Role, actorIds?: string[]): Promise<Page> {
    const context = await browser.newContext({
      bypassCSP: true,
      locale: 'fr-FR',
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await signInWithPassword(
      page,
      api.url,
      await invitedPerson(api, role, organiser.organisationId, actorIds),
    );
    return page;
  }

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    api = await TestApi.start();
    browser = await launchChromium();
    organiser = await api.user(Role.ORGANISER);
    const profiles = [
      { kind: 'ASSOCIATION', offers: ['communication.events'], needs: ['digital.website'] },
      { kind: 'COMPANY', offers: ['digital.website'], needs: ['communication.events'] },
    ];
    actors.push(
      ...(await api.createActorsFromProfiles(organiser.apiKey, 4, profiles, (i) => ({
        name: name(i),
        communeCode: '38185',
        causes: [4],
      }))),
    );
    const startsAt = new Date(Date.now() + 3 * 24 * 3600 * 1000).toISOString();
    eventId = (
      await api.ok<{ createEvent: { id: string } }>(
        `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
        { input: { title: `${tag} souhaits`, startsAt, format: 'ONE_TO_ONE', rounds: 3, roundMinutes: 7 } },
        organiser.apiKey,
      )
    ).createEvent.id;
    for (const [i, actorId] of actors.entries())
      await api.ok(
        `mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { id } }`,
        {
          i: { eventId, actorId, representativeName: `Rep ${i}`, representativeEmail: `rep${i}@example.org` },
        },
        organiser.apiKey,
      );
    await api.ok(`mutation($e: ID!) { openEvent(eventId: $e) { status } }`, { e: eventId }, organiser.apiKey);
    const deadline = new Date(Date.now() + 2 * 24 * 3600 * 1000).toISOString();
    await api.ok(
      `mutation($e: ID!, $d: DateTime) { setWishesDeadline(eventId: $e, deadline: $d) { id } }`,
      { e: eventId, d: deadline },
      organiser.apiKey,
    );
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('lets an actor editor set a wish, and the organiser see the statistics', async () => {
    // The participant's editor: its wish list, the other participants ranked with their reasons.
    const editor = await signedInPage(Role.ACTOR_EDITOR, [actors[0]]);
    await editor.goto(`${api.url}/actors/${actors[0]}/events/${eventId}`);
    const target = editor.getByTestId('wish-candidate').filter({ hasText: name(1) });
    await target.waitFor();
    await check(editor, 'wishes-01-actor-list');
    await target.getByRole('radio', { name: 'Je veux rencontrer' }).check();
    await target.getByRole('textbox', { name: /Note pour le laboratoire/ }).fill('Refaire notre site');
    await target.getByRole('button', { name: `Enregistrer le souhait pour ${name(1)}` }).click();
    await target.getByText('Je veux rencontrer', { exact: true }).first().waitFor();
    await target.getByRole('button', { name: `Retirer le souhait pour ${name(1)}` }).waitFor();

    const saved = await api.ok<{
      wishCandidates: { actorId: string; wish: string | null; note: string | null }[];
    }>(
      `query($e: ID!, $a: ID!) { wishCandidates(eventId: $e, actorId: $a) { actorId wish note } }`,
      { e: eventId, a: actors[0] },
      organiser.apiKey,
    );
    expect(saved.wishCandidates.find((c) => c.actorId === actors[1])).toMatchObject({
      wish: 'WANT',
      note: 'Refaire notre site',
    });

    // The other side wants it too (the lab sets it for its participant): a mutual pair.
    await api.ok(
      `mutation($i: SetWishInput!) { setWish(input: $i) { level } }`,
      { i: { eventId, actorId: actors[1], targetId: actors[0], level: 'WANT' } },
      organiser.apiKey,
    );

    const lab = await signedInPage(Role.ORGANISER);
    await lab.goto(`${api.url}/events/${eventId}/wishes`);
    const stats = lab.getByRole('region', { name: 'Statistiques des souhaits' });
    await stats.waitFor();
    await lab
      .getByText(`${name(0)} ↔ ${name(1)}`)
      .or(lab.getByText(`${name(1)} ↔ ${name(0)}`))
      .waitFor();
    await expect(lab.getByText('Paires réciproques').locator('..').textContent()).resolves.toContain('1');
    await lab.getByText(/Date limite actuelle/).waitFor();
    await check(lab, 'wishes-02-organiser-stats');
  }, 180_000);
});
