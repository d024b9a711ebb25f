import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page, Response as PwResponse } from 'playwright-core';
import { Role } from '@maillage/auth';
import { TestApi, TestWorker, eventually, pairKey } from './support/api';
import {
  ARTIFACTS,
  SCREENSHOTS,
  invitedPerson,
  launchChromium,
  screenshotAndAxe,
  signInWithPassword,
} from './support/console';

/**
 * The web console in Debian's Chromium (playwright-core, headless), served by the API app on its
 * own origin from dist/web (built by the globalSetup), with a real in-process worker: an organiser
 * signs in, creates an event, registers 12 participants (2 by actor search, 10 from a CSV), runs
 * the what-if, generates, swaps two participants by drag-and-drop, publishes, opens the big screen
 * (round 1), marks a no-show and re-pairs; an actor editor adds a need and sees its partners
 * change with the reason in words. Every main page is screenshotted (test-artifacts/screenshots/)
 * and checked with axe-core (WCAG 2.1 A/AA rules): no serious or critical violation.
 */

type ScheduleData = {
  id: string;
  version: number;
  status: string;
  repairedFromRound: number | null;
  rounds: {
    round: number;
    meetings: { id: string; table: number; participantIds: string[] }[];
    breaks: string[];
  }[];
};
const SCHEDULE = `query($e: ID!) { schedule(eventId: $e) { id version status repairedFromRound rounds { round breaks meetings { id table participantIds } } } }`;

describe('web console (e2e, Chromium)', () => {
  let api: TestApi;
  let worker: TestWorker;
  let browser: Browser;
  let organiser: { apiKey: string; organisationId: string };
  const actors: string[] = [];
  const tag = `Web${Date.now().toString(36)}`;
  const axeReport: Record<string, { violations: number; serious: number; passes: number }> = {};

  /** Screenshot + axe on the current page; fails on any serious or critical violation. */
  async function check(page: Page, name: string): Promise<void> {
    const { serious, ...counts } = await screenshotAndAxe(page, name);
    axeReport[name] = { ...counts, serious: serious.length };
    expect(serious).toEqual([]);
  }

  /** A task of the event (its navigation, not the links in the page's text). */
  const step = (page: Page, name: string) =>
    page.getByRole('navigation', { name: 'Étapes de l’événement' }).getByRole('link', { name }).click();

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    api = await TestApi.start();
    worker = await TestWorker.start();
    browser = await launchChromium();
    organiser = await api.user(Role.ORGANISER);
    const profiles = [
      {
        kind: 'ASSOCIATION',
        offers: ['communication.events'],
        needs: ['digital.website', 'legal.governance'],
      },
      { kind: 'COMPANY', offers: ['digital.website', 'legal.governance'], needs: ['communication.events'] },
      { kind: 'ASSOCIATION', offers: ['logistics.storage'], needs: ['logistics.transport'] },
      {
        kind: 'COMPANY',
        offers: ['logistics.transport', 'finance.accounting'],
        needs: ['logistics.storage'],
      },
    ];
    actors.push(
      ...(await api.createActorsFromProfiles(organiser.apiKey, 12, profiles, (i) => ({
        name: `${tag} acteur ${String(i).padStart(2, '0')}`,
        // Gap, in the Hautes-Alpes (05), seeded for this suite alone: the exact search rightly
        // ranks other suites' better-matching actors first when they share the territory.
        communeCode: '05061',
        causes: [4, 11],
      }))),
    );
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await api?.close();
    writeFileSync(path.join(ARTIFACTS, 'axe-report.json'), `${JSON.stringify(axeReport, null, 2)}\n`);
  });

  it('serves the console on the API origin without shadowing /graphql and /health', async () => {
    const page = await fetch(`${api.url}/events/some-id/review`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<div id="root">');
    const health = await fetch(`${api.url}/health/live`);
    expect(health.headers.get('content-type')).toContain('json');
    const gql = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await gql.text()).not.toContain('<div id="root">');
  });

  it('runs a whole speed meeting from the browser', async () => {
    const context = await browser.newContext({
      // axe-core is injected as an inline script, which the console's CSP (rightly) refuses.
      bypassCSP: true,
      locale: 'fr-FR',
      timezoneId: 'America/New_York',
      viewport: { width: 1440, height: 900 },
    });
    const page = await context.newPage();

    // First load: the JavaScript the browser receives (compressed) for the sign-in page.
    const scripts: Promise<number>[] = [];
    const onResponse = (res: PwResponse) => {
      if (res.request().resourceType() === 'script')
        scripts.push(
          res
            .request()
            .sizes()
            .then((x) => x.responseBodySize),
        );
    };
    page.on('response', onResponse);
    await page.goto(`${api.url}/`);
    await page.waitForURL(/\/sign-in/);
    await page.waitForLoadState('networkidle');
    page.off('response', onResponse);
    const firstLoadBytes = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
    writeFileSync(
      path.join(ARTIFACTS, 'first-load.json'),
      `${JSON.stringify({ scripts: scripts.length, firstLoadBytes })}\n`,
    );
    expect(firstLoadBytes).toBeLessThanOrEqual(300 * 1024);

    // Sign in.
    await check(page, '01-sign-in');
    await signInWithPassword(
      page,
      api.url,
      await invitedPerson(api, Role.ORGANISER, organiser.organisationId),
    );
    await page.waitForURL(/\/events$/);
    await check(page, '02-events');

    // Create an event: 10:00 in Paris, whatever the browser's zone (here New York).
    await page.getByRole('link', { name: 'Créer un événement' }).click();
    await page.getByLabel('Titre').fill(`${tag} speed meeting`);
    await page.getByLabel(/^Tours/).fill('4');
    await page.getByLabel('Heure de début').fill('10:00');
    await page.getByLabel('Lieu').fill('Maison des associations, Gap');
    await check(page, '03-event-create');
    await page.getByRole('button', { name: 'Créer l’événement' }).click();
    await page.waitForURL(/\/events\/(?!new$)[^/]+$/);
    const eventId = page.url().split('/').pop()!;
    await page.getByText(/10:00/).first().waitFor();
    await page.getByRole('button', { name: 'Ouvrir les inscriptions' }).click();
    await page.getByText('Inscriptions ouvertes').waitFor();

    // Register 2 participants by actor search, 10 from a CSV file.
    await step(page, 'Participants');
    for (const i of [0, 1]) {
      await page
        .getByRole('combobox', { name: 'Acteur' })
        .fill(`${tag} acteur ${String(i).padStart(2, '0')}`);
      await page
        .getByRole('option', { name: new RegExp(`${tag} acteur ${String(i).padStart(2, '0')}`) })
        .click();
      await page.getByRole('button', { name: 'Inscrire', exact: true }).click();
      await page
        .getByText(`${i + 1} participant`)
        .first()
        .waitFor();
    }
    const csv = [
      'actor_id,representative_name',
      ...actors.slice(2).map((id, i) => `${id},Personne ${i + 2}`),
    ].join('\n');
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'participants.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Importer' }).click();
    await page.getByText(/Import : 10 lignes — 10 créées/).waitFor();
    await page.getByText('12 participants inscrits').waitFor();
    await check(page, '04-participants');

    // What-if.
    await step(page, 'Simulation');
    await page.getByRole('button', { name: 'Simuler' }).click();
    await page.getByRole('region', { name: 'Résultats de la simulation' }).waitFor();
    expect(await page.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    await check(page, '05-what-if');

    // Generate with the progress bar, then the board.
    await step(page, 'Planning');
    await page.getByRole('button', { name: 'Générer le planning' }).click();
    await page.getByRole('progressbar', { name: 'Avancement' }).waitFor();
    await page.getByRole('table', { name: /Planning : une ligne par tour/ }).waitFor({ timeout: 60_000 });
    await check(page, '06-review-board');

    // Swap two participants of round 1 by drag-and-drop: a pair of tables whose exchange creates no
    // pair that meets in another round (the checker would refuse it).
    const before = (await api.ok<{ schedule: ScheduleData }>(SCHEDULE, { e: eventId }, organiser.apiKey))
      .schedule;
    const later = new Set(
      before.rounds
        .filter((r) => r.round > 1)
        .flatMap((r) => r.meetings.map((m) => pairKey(m.participantIds))),
    );
    const r1 = before.rounds[0].meetings;
    let swap: { a: string; b: string; partnerA: string; partnerB: string } | null = null;
    for (const m of r1)
      for (const n of r1)
        if (!swap && m.id !== n.id) {
          const [a, partnerA] = m.participantIds;
          const [b, partnerB] = n.participantIds;
          if (!later.has(pairKey([b, partnerA])) && !later.has(pairKey([a, partnerB])))
            swap = { a, b, partnerA, partnerB };
        }
    expect(swap).not.toBeNull();
    const from = page.getByTestId(`chip-1-${swap!.a}`);
    const to = page.getByTestId(`chip-1-${swap!.b}`);
    const fromBox = (await from.boundingBox())!;
    const toBox = (await to.boundingBox())!;
    await page.mouse.move(fromBox.x + fromBox.width / 2, fromBox.y + fromBox.height / 2);
    await page.mouse.down();
    await page.mouse.move(fromBox.x + fromBox.width / 2 + 10, fromBox.y + fromBox.height / 2, { steps: 5 });
    await page.mouse.move(toBox.x + toBox.width / 2, toBox.y + toBox.height / 2, { steps: 15 });
    await page.mouse.up();
    const swapped = await eventually(
      async () =>
        (await api.ok<{ schedule: ScheduleData }>(SCHEDULE, { e: eventId }, organiser.apiKey)).schedule,
      (s) =>
        s.rounds[0].meetings.some((m) => pairKey(m.participantIds) === pairKey([swap!.b, swap!.partnerA])),
      10_000,
    );
    const round1 = swapped.rounds[0].meetings.map((m) => pairKey(m.participantIds));
    expect(round1).toContain(pairKey([swap!.b, swap!.partnerA]));
    expect(round1).toContain(pairKey([swap!.a, swap!.partnerB]));

    // Lock a meeting, then publish.
    await page.getByRole('button', { name: 'Verrouiller la rencontre du tour 4, table 1' }).click();
    await page
      .getByRole('button', { name: 'Verrouiller la rencontre du tour 4, table 1', pressed: true })
      .waitFor();
    await page.getByRole('button', { name: 'Publier le planning' }).click();
    await page.getByText('Publié', { exact: true }).first().waitFor();

    // Print outputs.
    await step(page, 'Impressions');
    await page.getByRole('combobox', { name: 'Participant' }).click();
    await page.getByRole('option', { name: `${tag} acteur 00` }).click();
    await page.getByRole('region', { name: `Agenda de ${tag} acteur 00` }).waitFor();
    await page
      .getByText(/^10:00/)
      .first()
      .waitFor(); // round 1 at 10:00, the event's zone
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Plan de table (PDF)' }).click();
    expect((await download).suggestedFilename()).toMatch(/plan-de-table\.pdf$/);
    await check(page, '07-print');

    // The big screen: round 1 (the event starts in a week), who sits where, what comes next.
    await page.goto(`${api.url}/screen/${eventId}`);
    await page.getByRole('heading', { name: 'Tour 1 / 4' }).waitFor();
    await page.getByText(/début à 10:00/).waitFor();
    await page.getByText(/Ensuite : tour 2 à/).waitFor();
    expect(await page.getByRole('list', { name: 'Tables' }).getByRole('listitem').count()).toBe(6);
    expect(await page.getByRole('button').count()).toBe(0); // no controls on screen
    await check(page, '08-big-screen');

    // On the day: a no-show, then re-pairing from the next round not started (round 1).
    const absent = actors[5];
    await page.goto(`${api.url}/events/${eventId}/check-in`);
    await page.getByLabel('Rechercher un participant').fill(`${tag} acteur 05`);
    await page.getByRole('button', { name: `Marquer ${tag} acteur 05 absent·e` }).click();
    await page.getByText('Absent·e à partir du tour 1').waitFor();
    await page.getByLabel('Rechercher un participant').fill('');
    await page.getByRole('button', { name: `Marquer ${tag} acteur 00 arrivé·e` }).click();
    await page.getByText('1 arrivé·es sur 12').waitFor();
    await page.getByRole('button', { name: 'Réorganiser à partir du tour 1' }).click();
    await page.getByText(/Planning v\d+ : réorganisé à partir du tour 1/).waitFor({ timeout: 30_000 });
    const repaired = (await api.ok<{ schedule: ScheduleData }>(SCHEDULE, { e: eventId }, organiser.apiKey))
      .schedule;
    expect(repaired.repairedFromRound).toBe(1);
    expect(repaired.rounds.flatMap((r) => r.meetings.flatMap((m) => m.participantIds))).not.toContain(absent);
    await check(page, '09-check-in');

    // The check-in list on a phone.
    await page.setViewportSize({ width: 390, height: 844 });
    await check(page, '10-check-in-phone');
    await context.close();
  });

  it('lets an actor editor edit its needs and see its partners change, with reasons in words', async () => {
    const actorId = actors[0]; // association: offers events, needs website and governance
    const editor = await api.user(Role.ACTOR_EDITOR, {
      actorIds: [actorId],
      organisationId: organiser.organisationId,
    });
    // Stored partners exist once the worker has scored the fixtures.
    await eventually(
      () =>
        api.ok<{ partners: unknown[] }>(
          `query($a: ID!) { partners(actorId: $a) { rank } }`,
          { a: actorId },
          editor.apiKey,
        ),
      (d) => d.partners.length > 0,
      60_000,
      500,
    );
    const context = await browser.newContext({
      bypassCSP: true,
      locale: 'fr-FR',
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await signInWithPassword(
      page,
      api.url,
      await invitedPerson(api, Role.ACTOR_EDITOR, organiser.organisationId, [actorId]),
    );
    await page.waitForURL(new RegExp(`/actors/${actorId}$`));

    await page.getByRole('link', { name: 'Partenaires' }).click();
    await page.getByTestId('partner').first().waitFor();
    await page
      .getByText(/couvre votre besoin « Site web »/)
      .first()
      .waitFor();
    expect(await page.getByText(/couvre votre besoin « Comptabilité »/).count()).toBe(0);
    // the blended list says which alliance form each proposal is for
    const forms = await page.getByTestId('partner-form').allInnerTexts();
    expect(forms.length).toBe(await page.getByTestId('partner').count());
    for (const f of forms)
      expect(f).toMatch(/^Proposé pour : (Ressources|Coproduction|Mutualisation|Positionnement)$/i);
    await check(page, '11-partners');

    // Add the need "Comptabilité" through the competence picker (search), vital.
    await page.getByRole('link', { name: 'Profil', exact: true }).click();
    await page.getByRole('textbox', { name: 'Ajouter un besoin' }).fill('comptabilite');
    await page
      .getByRole('option')
      .filter({ hasText: /^Comptabilité$/ })
      .click();
    await page.getByRole('combobox', { name: 'Priorité de « Comptabilité »' }).click();
    await page.getByRole('option', { name: 'Vital' }).click();
    await check(page, '12-actor-profile');
    await page.getByRole('button', { name: 'Enregistrer : besoins' }).click();
    await page
      .getByText(/Enregistré\./)
      .first()
      .waitFor();
    const coversAccounting = (d: {
      partners: { reasons: { forward: { matches: { need: { label: string } }[] } } }[];
    }) => d.partners.some((p) => p.reasons.forward.matches.some((m) => m.need.label === 'Comptabilité'));
    const rescored = await eventually(
      () =>
        api.ok<{ partners: { reasons: { forward: { matches: { need: { label: string } }[] } } }[] }>(
          `query($a: ID!) { partners(actorId: $a) { reasons { forward { matches { need { label } } } } } }`,
          { a: actorId },
          editor.apiKey,
        ),
      coversAccounting,
      60_000,
      500,
    );
    expect(coversAccounting(rescored)).toBe(true); // the API has the new partners before the page does

    await page.getByRole('link', { name: 'Partenaires' }).click();
    await page.getByRole('button', { name: 'Actualiser' }).click();
    await page
      .getByText(/couvre votre besoin « Comptabilité »/)
      .first()
      .waitFor();
    await page
      .getByText(/causes partagées : ODD 4 – Éducation de qualité/)
      .first()
      .waitFor();
    await page
      .getByText(/proximité : même commune/)
      .first()
      .waitFor();
    await page
      .getByText(/autre famille d’acteurs : Acteurs privés/)
      .first()
      .waitFor();
    await check(page, '13-partners-after');
    await context.close();
  }, 180_000); // two waits of up to 60 s for the worker's rescoring, plus the browser steps
});
