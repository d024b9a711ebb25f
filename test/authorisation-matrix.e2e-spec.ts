import { Role } from '@maillage/auth';
import { TestApi } from './support/api';

type Caller = 'anonymous' | 'viewer' | 'editorOwn' | 'editorOther' | 'organiser' | 'admin';
type Outcome = 'ok' | 'FORBIDDEN' | 'UNAUTHENTICATED';

/**
 * The authorisation matrix, asserted through the real API: every mutation × every kind of caller.
 * Each case runs against a fresh target actor so cases do not depend on one another.
 */
const MATRIX: Record<
  string,
  {
    mutation: (ids: { target: string; partner: string; org: string }) => [string, Record<string, unknown>];
    expect: Record<Caller, Outcome>;
  }
> = {
  createActor: {
    mutation: () => [
      `mutation($i: CreateActorInput!) { createActor(input: $i) { id } }`,
      { i: { name: 'Matrix Co', kind: 'COMPANY' } },
    ],
    expect: {
      anonymous: 'UNAUTHENTICATED',
      viewer: 'FORBIDDEN',
      editorOwn: 'FORBIDDEN',
      editorOther: 'FORBIDDEN',
      organiser: 'ok',
      admin: 'ok',
    },
  },
  updateActor: {
    mutation: ({ target }) => [
      `mutation($id: ID!) { updateActor(id: $id, input: { description: "edited" }) { id } }`,
      { id: target },
    ],
    expect: {
      anonymous: 'UNAUTHENTICATED',
      viewer: 'FORBIDDEN',
      editorOwn: 'ok',
      editorOther: 'FORBIDDEN',
      organiser: 'ok',
      admin: 'ok',
    },
  },
  setCauses: {
    mutation: ({ target }) => [
      `mutation($id: ID!) { setCauses(actorId: $id, input: { causes: [4] }) { id } }`,
      { id: target },
    ],
    expect: {
      anonymous: 'UNAUTHENTICATED',
      viewer: 'FORBIDDEN',
      editorOwn: 'ok',
      editorOther: 'FORBIDDEN',
      organiser: 'ok',
      admin: 'ok',
    },
  },
  setTerritories: {
    mutation: ({ target }) => [
      `mutation($id: ID!) { setTerritories(actorId: $id, input: { actsIn: ["38"] }) { id } }`,
      { id: target },
    ],
    expect: {
      anonymous: 'UNAUTHENTICATED',
      viewer: 'FORBIDDEN',
      editorOwn: 'ok',
      editorOther: 'FORBIDDEN',
      organiser: 'ok',
      admin: 'ok',
    },
  },
  recordAlliance: {
    mutation: ({ target, partner }) => [
      `mutation($a: ID!, $b: ID!) { recordAlliance(input: { actorId: $a, partnerId: $b, form: CO_PRODUCTION }) { id } }`,
      { a: target, b: partner },
    ],
    expect: {
      anonymous: 'UNAUTHENTICATED',
      viewer: 'FORBIDDEN',
      editorOwn: 'ok',
      editorOther: 'FORBIDDEN',
      organiser: 'ok',
      admin: 'ok',
    },
  },
  deleteActor: {
    mutation: ({ target }) => [`mutation($id: ID!) { deleteActor(id: $id) }`, { id: target }],
    expect: {
      anonymous: 'UNAUTHENTICATED',
      viewer: 'FORBIDDEN',
      editorOwn: 'FORBIDDEN',
      editorOther: 'FORBIDDEN',
      organiser: 'FORBIDDEN',
      admin: 'ok',
    },
  },
  importActorsCsv: {
    mutation: () => [
      `mutation($csv: String!) { importActorsCsv(csv: $csv, dryRun: true) { rows { status } } }`,
      {
        csv: `external_id,name,kind\nmatrix-${Date.now()}-${Math.random().toString(36).slice(2)},Matrix import,COMPANY\n`,
      },
    ],
    expect: {
      anonymous: 'UNAUTHENTICATED',
      viewer: 'FORBIDDEN',
      editorOwn: 'FORBIDDEN',
      editorOther: 'FORBIDDEN',
      organiser: 'ok',
      admin: 'ok',
    },
  },
  startActorsCsvImport: {
    mutation: () => [
      `mutation($csv: String!) { startActorsCsvImport(csv: $csv) { id } }`,
      {
        csv: `external_id,name,kind\nmatrix-${Date.now()}-${Math.random().toString(36).slice(2)},Matrix import,COMPANY\n`,
      },
    ],
    expect: {
      anonymous: 'UNAUTHENTICATED',
      viewer: 'FORBIDDEN',
      editorOwn: 'FORBIDDEN',
      editorOther: 'FORBIDDEN',
      organiser: 'ok',
      admin: 'ok',
    },
  },
  createOrganisation: {
    mutation: () => [`mutation { createOrganisation(input: { name: "Matrix lab", kind: LAB }) { id } }`, {}],
    expect: {
      anonymous: 'UNAUTHENTICATED',
      viewer: 'FORBIDDEN',
      editorOwn: 'FORBIDDEN',
      editorOther: 'FORBIDDEN',
      organiser: 'FORBIDDEN',
      admin: 'ok',
    },
  },
  createUser: {
    mutation: ({ org }) => [
      `mutation($i: CreateUserInput!) { createUser(input: $i) { apiKey } }`,
      {
        i: {
          organisationId: org,
          email: `m${Date.now()}${Math.random().toString(36).slice(2)}@test.local`,
          role: 'VIEWER',
        },
      },
    ],
    expect: {
      anonymous: 'UNAUTHENTICATED',
      viewer: 'FORBIDDEN',
      editorOwn: 'FORBIDDEN',
      editorOther: 'FORBIDDEN',
      organiser: 'FORBIDDEN',
      admin: 'ok',
    },
  },
};

const CALLERS: Caller[] = ['anonymous', 'viewer', 'editorOwn', 'editorOther', 'organiser', 'admin'];

describe('authorisation matrix (e2e)', () => {
  let api: TestApi;
  let admin: { apiKey: string; organisationId: string };

  const newActor = (name: string, contact = false): Promise<string> =>
    api.createActor(
      {
        name,
        kind: 'ASSOCIATION',
        ...(contact ? { contact: { name: 'Alex Dupont', email: 'alex@example.org' } } : {}),
      },
      admin.apiKey,
    );

  async function keyFor(caller: Caller, target: string): Promise<string | undefined> {
    switch (caller) {
      case 'anonymous':
        return undefined;
      case 'viewer':
        return (await api.user(Role.VIEWER)).apiKey;
      case 'editorOwn':
        return (await api.user(Role.ACTOR_EDITOR, { actorIds: [target] })).apiKey;
      case 'editorOther':
        return (await api.user(Role.ACTOR_EDITOR, { actorIds: ['act_someone_else'] })).apiKey;
      case 'organiser':
        return (await api.user(Role.ORGANISER)).apiKey;
      case 'admin':
        return admin.apiKey;
    }
  }

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await api.user(Role.ADMIN);
  });
  afterAll(async () => api.close());

  const cases = Object.entries(MATRIX).flatMap(([name, spec]) =>
    CALLERS.map((caller) => [name, caller, spec.expect[caller]] as const),
  );

  it.each(cases)('%s by %s → %s', async (name, caller, expected) => {
    const target = await newActor(`Target ${name} ${caller}`);
    const partner = await newActor(`Partner ${name} ${caller}`);
    const key = await keyFor(caller, target);
    const [query, variables] = MATRIX[name].mutation({ target, partner, org: admin.organisationId });
    const res = await api.gql(query, variables, key);
    if (expected === 'ok') {
      expect(res.errors).toBeUndefined();
    } else {
      expect(res.errors?.[0].extensions?.code).toBe(expected);
      expect(res.data?.[name] ?? null).toBeNull();
    }
  });

  it('shows contact persons only to admins, the managing organisation and the actor editors', async () => {
    const id = await newActor('Contact holder', true);
    const query = `query($id: ID!) { actor(id: $id) { contact { name email } } }`;
    const visible = async (key?: string) =>
      ((await api.gql<{ actor: { contact: unknown } }>(query, { id }, key)).data?.actor.contact ?? null) !==
      null;
    expect(await visible(undefined)).toBe(false);
    expect(await visible((await api.user(Role.VIEWER)).apiKey)).toBe(false);
    expect(await visible((await api.user(Role.ORGANISER)).apiKey)).toBe(false); // another organisation
    expect(
      await visible((await api.user(Role.ORGANISER, { organisationId: admin.organisationId })).apiKey),
    ).toBe(true);
    expect(await visible((await api.user(Role.ACTOR_EDITOR, { actorIds: [id] })).apiKey)).toBe(true);
    expect(await visible(admin.apiKey)).toBe(true);
  });
});
