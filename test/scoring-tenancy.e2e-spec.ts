import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role } from '@maillage/auth';
import { PopulationService } from '@maillage/scoring-population';
import { PairWeightsService } from '@maillage/schedules';
import { TestApi, skills } from './support/api';

/**
 * Scores respect tenancy: common partners count only partners the caller may see; stored scores
 * (shown to everyone) use no lab's events; an event's pair weights use only its own lab's history.
 */
describe('scores within tenancy (e2e)', () => {
  let api: TestApi;
  let admin: string;
  let labA: { apiKey: string; organisationId: string };
  let labB: { apiKey: string; organisationId: string };
  const tag = Date.now().toString(36);

  beforeAll(async () => {
    api = await TestApi.start();
    admin = (await api.user(Role.ADMIN)).apiKey;
    labA = await api.user(Role.ORGANISER);
    labB = await api.user(Role.ORGANISER);
  });
  afterAll(async () => api.close());

  /** a and b met at a CLOSED event of lab A (one published meeting). */
  async function metAtLabA(a: string, b: string): Promise<void> {
    const db = api.app.get(DataSource);
    const [eventId, scheduleId] = [randomUUID(), randomUUID()];
    await db.query(
      `INSERT INTO events (id, organisation_id, title, starts_at, format, rounds, round_minutes, status)
       VALUES ($1, $2, $3, now() - interval '1 day', 'ONE_TO_ONE', 1, 7, 'CLOSED')`,
      [eventId, labA.organisationId, `Lab A meeting ${tag}`],
    );
    await db.query(
      `INSERT INTO schedules (id, event_id, version, status, algorithm, total_score, pair_weights)
       VALUES ($1, $2, 1, 'PUBLISHED', 'test', 1, '{"ids":[],"weights":[],"excluded":[]}')`,
      [scheduleId, eventId],
    );
    await db.query(
      `INSERT INTO meetings (schedule_id, round, table_number, participant_ids, score) VALUES ($1, 1, 1, $2, 1)`,
      [scheduleId, [a, b]],
    );
  }

  it('counts in explainPair only the common partners the caller may see', async () => {
    const a = await api.createActor({ name: `Common A ${tag}`, kind: 'ASSOCIATION' }, labA.apiKey);
    const b = await api.createActor({ name: `Common B ${tag}`, kind: 'COMPANY' }, labA.apiKey);
    const hidden = await api.createActor(
      { name: `Hidden partner ${tag}`, kind: 'FOUNDATION', visibility: 'PRIVATE' },
      labA.apiKey,
    );
    for (const partnerId of [a, b])
      await api.ok(
        `mutation($i: RecordAllianceInput!) { recordAlliance(input: $i) { id } }`,
        { i: { actorId: hidden, partnerId, form: 'RESOURCES' } },
        labA.apiKey,
      );
    const common = async (key?: string) =>
      (
        await api.ok<{ explainPair: { commonPartners: number } }>(
          `query($a: ID!, $b: ID!) { explainPair(a: $a, b: $b) { commonPartners } }`,
          { a, b },
          key,
        )
      ).explainPair.commonPartners;
    expect(await common(labA.apiKey)).toBe(1);
    expect(await common(admin)).toBe(1);
    expect(await common(labB.apiKey)).toBe(0);
    expect(await common()).toBe(0);
  });

  it('uses no lab’s events in stored scores, and only the event’s lab’s in its pair weights', async () => {
    const profile = (offer: string, need: string) => ({
      offers: [skills(offer)],
      needs: [{ competenceId: need, priority: 3 }],
    });
    const a = await api.createActor(
      {
        name: `History A ${tag}`,
        kind: 'ASSOCIATION',
        ...profile('communication.events', 'digital.website'),
      },
      labA.apiKey,
    );
    const b = await api.createActor(
      { name: `History B ${tag}`, kind: 'COMPANY', ...profile('digital.website', 'communication.events') },
      labA.apiKey,
    );
    await metAtLabA(a, b);

    // Stored scores: the population the worker scores from knows no met-before pair.
    const population = await api.app.get(PopulationService).refreshed([a, b]);
    expect(population.metBefore.filter(([x, y]) => [x, y].includes(a))).toEqual([]);

    // Pair weights: lab A's event sees the penalty, lab B's does not.
    const weights = api.app.get(PairWeightsService);
    const components = async (organisationId: string) =>
      (await weights.forActors([a, b], organisationId))
        .explain([a, b])
        .pairs[0].components.map((c) => c.name);
    expect(await components(labA.organisationId)).toContain('metBeforePenalty');
    expect(await components(labB.organisationId)).not.toContain('metBeforePenalty');
  });
});
