import { DataSource } from 'typeorm';
import { AuthService, Role } from '@maillage/auth';
import { GraphQLResponse, TestApi } from './support/api';

/**
 * Sign-in for people, through real HTTP: invitation links, passwords, the session cookie, CSRF,
 * sign-out, disabled accounts, rate-limited failures, and who may invite whom.
 */
const PER_EMAIL = 3;
const PER_IP = 12;

interface Call<T> extends GraphQLResponse<T> {
  status: number;
  /** The Set-Cookie header of the session cookie, if the response set one. */
  setCookie?: string;
}

const SESSION = 'maillage_session';
const ME = '{ me { authenticated user { id email role organisationId } } }';
const code = (r: GraphQLResponse) => r.errors?.[0]?.extensions?.code;
const reason = (r: GraphQLResponse) => r.errors?.[0]?.extensions?.reason;
/** "maillage_session=<token>" from a Set-Cookie header, for the next request's Cookie header. */
const cookiePair = (setCookie: string | undefined) => setCookie!.split(';')[0];
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

describe('sign-in for people (e2e)', () => {
  let api: TestApi;
  let admin: Awaited<ReturnType<TestApi['user']>>;
  let organiserA: Awaited<ReturnType<TestApi['user']>>;
  let organiserB: Awaited<ReturnType<TestApi['user']>>;

  /** POST /graphql with a Bearer key, a session cookie and/or the CSRF header. */
  async function call<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    opts: { bearer?: string; cookie?: string; csrf?: boolean } = {},
  ): Promise<Call<T>> {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(opts.bearer ? { authorization: `Bearer ${opts.bearer}` } : {}),
        ...(opts.cookie ? { cookie: opts.cookie } : {}),
        ...(opts.csrf === false ? {} : { 'x-maillage-csrf': '1' }),
      },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION}=`));
    return { ...((await res.json()) as GraphQLResponse<T>), status: res.status, setCookie };
  }

  const me = async (cookie: string) =>
    (
      await call<{ me: { authenticated: boolean; user: { id: string; email: string } | null } }>(
        ME,
        {},
        { cookie },
      )
    ).data!.me;

  async function invite(
    input: Record<string, unknown>,
    bearer = admin.apiKey,
  ): Promise<
    Call<{ createInvitation: { id: string; email: string; role: string; link: string; expiresAt: string } }>
  > {
    return call(
      'mutation($i: CreateInvitationInput!) { createInvitation(input: $i) { id email role expiresAt link } }',
      { i: input },
      { bearer },
    );
  }
  const tokenOf = (link: string) => link.replace(/^\/invitation\//, '');

  const accept = (token: string, password: string, cookie?: string) =>
    call<{ acceptInvitation: { authenticated: boolean; user: { id: string; email: string; role: string } } }>(
      'mutation($t: String!, $p: String!) { acceptInvitation(token: $t, password: $p) { authenticated user { id email role } } }',
      { t: token, p: password },
      { cookie },
    );
  const signIn = (email: string, password: string) =>
    call<{ signIn: { authenticated: boolean; user: { id: string; email: string } } }>(
      'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { authenticated user { id email } } }',
      { e: email, p: password },
    );

  /** A signed-in person of organisation A with the role, through an admin's invitation. */
  async function person(role = 'VIEWER', organisationId = organiserA.organisationId) {
    const email = `person-${unique()}@test.local`;
    const password = `correct horse ${unique()}`;
    const inv = await invite({ email, role, organisationId });
    expect(inv.errors).toBeUndefined();
    const res = await accept(tokenOf(inv.data!.createInvitation.link), password);
    expect(res.errors).toBeUndefined();
    return { email, password, id: res.data!.acceptInvitation.user.id, cookie: cookiePair(res.setCookie) };
  }

  beforeAll(async () => {
    api = await TestApi.startWith({
      // Own counters: this suite's failed sign-ins never block another suite's sign-ins.
      REDIS_PREFIX: `${process.env.REDIS_PREFIX ?? 'maillage'}-signin-${unique()}`,
      SIGNIN_FAILURES_PER_EMAIL: String(PER_EMAIL),
      SIGNIN_FAILURES_PER_IP: String(PER_IP),
    });
    admin = await api.user(Role.ADMIN);
    organiserA = await api.user(Role.ORGANISER);
    organiserB = await api.user(Role.ORGANISER);
  });
  afterAll(async () => api?.close());

  it('invitation → preview → accept: the account exists, is signed in by cookie, and the link is spent', async () => {
    const email = `Invited-${unique()}@Test.local`;
    const inv = await invite({ email, role: 'ORGANISER', organisationId: organiserA.organisationId });
    expect(inv.errors).toBeUndefined();
    const { link, role, expiresAt } = inv.data!.createInvitation;
    expect(link).toMatch(/^\/invitation\/[A-Za-z0-9_-]{40,}$/);
    expect(role).toBe('ORGANISER');
    const days = (new Date(expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    const token = tokenOf(link);

    const preview = await call<{ invitation: { email: string; organisationName: string; role: string } }>(
      'query($t: String!) { invitation(token: $t) { email organisationName role expiresAt } }',
      { t: token },
    );
    expect(preview.data?.invitation).toEqual({
      email: email.toLowerCase(),
      organisationName: expect.stringContaining('Org ORGANISER'),
      role: 'ORGANISER',
      expiresAt,
    });

    const short = await accept(token, 'short pw');
    expect(short.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['password'],
      reason: 'password_too_short',
    });
    const isEmail = await accept(token, email.toUpperCase());
    expect(isEmail.errors?.[0].extensions).toMatchObject({
      field: ['password'],
      reason: 'password_is_email',
    });
    expect(short.setCookie).toBeUndefined();

    const accepted = await accept(token, 'a long enough passphrase');
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.acceptInvitation).toMatchObject({
      authenticated: true,
      user: { email: email.toLowerCase(), role: 'ORGANISER' },
    });
    const attributes = accepted.setCookie!.split(';').map((a) => a.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=strict', 'path=/']));
    expect(attributes).not.toContain('secure'); // plain http here; Secure over https
    const cookie = cookiePair(accepted.setCookie);
    expect(await me(cookie)).toMatchObject({
      authenticated: true,
      user: { id: accepted.data!.acceptInvitation.user.id, email: email.toLowerCase() },
    });
    // The new organiser works in its organisation through the cookie.
    const events = await call<{ events: unknown[] }>('{ events { id } }', {}, { cookie });
    expect(events.errors).toBeUndefined();

    // Single use: the link answers like an unknown one now.
    const again = await accept(token, 'another long passphrase');
    expect([code(again), reason(again)]).toEqual(['NOT_FOUND', 'unknown_invitation']);
    const previewAgain = await call('query($t: String!) { invitation(token: $t) { email } }', { t: token });
    expect(code(previewAgain)).toBe('NOT_FOUND');
    const unknown = await call('query($t: String!) { invitation(token: $t) { email } }', { t: 'nope' });
    expect(code(unknown)).toBe('NOT_FOUND');
  });

  it('refuses an expired invitation', async () => {
    const inv = await invite({ email: `late-${unique()}@test.local`, role: 'VIEWER' });
    const { id, link } = inv.data!.createInvitation;
    await api.app
      .get(DataSource)
      .query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [id]);
    const res = await accept(tokenOf(link), 'a long enough passphrase');
    expect([code(res), reason(res)]).toEqual(['NOT_FOUND', 'unknown_invitation']);
    expect(res.setCookie).toBeUndefined();
  });

  it('signs in with the right password; a wrong one and an unknown e-mail get the same answer', async () => {
    const p = await person();
    const wrong = await signIn(p.email, 'not the password at all');
    const nobody = await signIn(`nobody-${unique()}@test.local`, 'not the password at all');
    for (const r of [wrong, nobody]) {
      expect(r.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'invalid_credentials' });
      expect(r.data?.signIn ?? null).toBeNull();
      expect(r.setCookie).toBeUndefined();
    }
    expect(wrong.errors![0].message).toBe(nobody.errors![0].message);

    const ok = await signIn(`  ${p.email.toUpperCase()} `, p.password);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.signIn).toMatchObject({ authenticated: true, user: { id: p.id } });
    expect(await me(cookiePair(ok.setCookie))).toMatchObject({ authenticated: true, user: { id: p.id } });
  });

  it('asks cookie-authenticated POSTs for the CSRF header, never Bearer ones', async () => {
    const p = await person();
    const noHeader = await call(ME, {}, { cookie: p.cookie, csrf: false });
    expect(noHeader.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'csrf_header_missing',
    });
    const withHeader = await call<{ me: { authenticated: boolean } }>(ME, {}, { cookie: p.cookie });
    expect(withHeader.data?.me.authenticated).toBe(true);
    const bearer = await call<{ me: { user: { id: string } } }>(
      ME,
      {},
      { bearer: organiserA.apiKey, csrf: false },
    );
    expect(bearer.errors).toBeUndefined();
    expect(bearer.data?.me.user.id).toBe(organiserA.user.id);
    // Bearer wins over a cookie sent alongside it.
    const both = await call<{ me: { user: { id: string } } }>(
      ME,
      {},
      { bearer: organiserA.apiKey, cookie: p.cookie, csrf: false },
    );
    expect(both.data?.me.user.id).toBe(organiserA.user.id);
  });

  it('never runs a mutation from a GET, even with the cookie', async () => {
    const p = await person();
    const url = `${api.url}/graphql?query=${encodeURIComponent('mutation { signOut }')}`;
    const res = await fetch(url, {
      headers: { cookie: p.cookie, 'x-maillage-csrf': '1', 'apollo-require-preflight': 'true' },
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.headers.getSetCookie().some((c) => c.startsWith(`${SESSION}=`))).toBe(false);
    expect((await me(p.cookie)).authenticated).toBe(true);
  });

  it('signOut clears the cookie and revokes the session server-side', async () => {
    const p = await person();
    const out = await call<{ signOut: boolean }>('mutation { signOut }', {}, { cookie: p.cookie });
    expect(out.data?.signOut).toBe(true);
    expect(out.setCookie).toMatch(/^maillage_session=;/);
    expect(out.setCookie).toMatch(/Expires=Thu, 01 Jan 1970/);
    // A client that kept the cookie is anonymous now.
    expect(await me(p.cookie)).toEqual({ authenticated: false, user: null });
    const denied = await call('{ events { id } }', {}, { cookie: p.cookie });
    expect(code(denied)).toBe('UNAUTHENTICATED');
  });

  it('ends an idle session', async () => {
    const p = await person();
    await api.app
      .get(DataSource)
      .query(`UPDATE sessions SET last_seen_at = now() - interval '9 hours' WHERE user_id = $1`, [p.id]);
    expect((await me(p.cookie)).authenticated).toBe(false);
  });

  it("stops a disabled user's sessions and refuses its sign-in", async () => {
    const p = await person();
    const disabled = await call(
      'mutation($id: ID!) { disableUser(id: $id) { disabled } }',
      { id: p.id },
      { bearer: admin.apiKey },
    );
    expect(disabled.errors).toBeUndefined();
    expect((await me(p.cookie)).authenticated).toBe(false);
    const again = await signIn(p.email, p.password);
    expect([code(again), reason(again)]).toEqual(['UNAUTHENTICATED', 'account_disabled']);
    // Re-enabling does not revive the old session.
    await call(
      'mutation($id: ID!) { disableUser(id: $id, disabled: false) { disabled } }',
      { id: p.id },
      {
        bearer: admin.apiKey,
      },
    );
    expect((await me(p.cookie)).authenticated).toBe(false);
    expect((await signIn(p.email, p.password)).errors).toBeUndefined();
  });

  it('gives a password to a user created with createUser (API key flow), whose key keeps working', async () => {
    const email = `keyed-${unique()}@test.local`;
    const auth = api.app.get(AuthService);
    const { user, apiKey } = await auth.createUser({
      organisationId: organiserA.organisationId,
      email,
      role: Role.VIEWER,
    });
    // An organiser may not take over an existing account through a link it holds.
    const byOrganiser = await invite({ email, role: 'VIEWER' }, organiserA.apiKey);
    expect([code(byOrganiser), reason(byOrganiser)]).toEqual(['CONFLICT', 'account_exists']);
    const inv = await invite({ email, role: 'VIEWER', organisationId: organiserA.organisationId });
    expect(inv.errors).toBeUndefined();
    const res = await accept(tokenOf(inv.data!.createInvitation.link), 'a long enough passphrase');
    expect(res.data?.acceptInvitation.user.id).toBe(user.id);
    expect((await signIn(email, 'a long enough passphrase')).errors).toBeUndefined();
    const viaKey = await call<{ me: { user: { id: string } } }>(ME, {}, { bearer: apiKey });
    expect(viaKey.data?.me.user.id).toBe(user.id);
    // Now it has a password: no second invitation, even by an admin.
    const twice = await invite({ email, role: 'VIEWER', organisationId: organiserA.organisationId });
    expect(reason(twice)).toBe('account_exists');
  });

  it('lets an organiser invite into its own organisation only, never an ADMIN, for actors it edits', async () => {
    const ownActor = await api.createActor(
      { name: `Own ${unique()}`, kind: 'ASSOCIATION' },
      organiserA.apiKey,
    );
    const otherActor = await api.createActor(
      { name: `Other ${unique()}`, kind: 'COMPANY' },
      organiserB.apiKey,
    );

    const other = await invite(
      { email: `x-${unique()}@test.local`, role: 'VIEWER', organisationId: organiserB.organisationId },
      organiserA.apiKey,
    );
    expect([code(other), reason(other)]).toEqual(['NOT_FOUND', 'unknown_organisation']);
    const asAdmin = await invite({ email: `x-${unique()}@test.local`, role: 'ADMIN' }, organiserA.apiKey);
    expect([code(asAdmin), reason(asAdmin)]).toEqual(['FORBIDDEN', 'role_not_invitable']);
    const foreignActor = await invite(
      { email: `x-${unique()}@test.local`, role: 'ACTOR_EDITOR', actorIds: [otherActor] },
      organiserA.apiKey,
    );
    expect([code(foreignActor), reason(foreignActor)]).toEqual(['FORBIDDEN', 'not_actor_manager']);
    const nonEditor = await invite(
      { email: `x-${unique()}@test.local`, role: 'VIEWER', actorIds: [ownActor] },
      organiserA.apiKey,
    );
    expect(reason(nonEditor)).toBe('actor_ids_for_non_editor');
    const viewer = await api.user(Role.VIEWER, { organisationId: organiserA.organisationId });
    const byViewer = await invite({ email: `x-${unique()}@test.local`, role: 'VIEWER' }, viewer.apiKey);
    expect(code(byViewer)).toBe('FORBIDDEN');
    const anonymous = await call(
      'mutation($i: CreateInvitationInput!) { createInvitation(input: $i) { id } }',
      { i: { email: `x-${unique()}@test.local`, role: 'VIEWER' } },
    );
    expect(code(anonymous)).toBe('UNAUTHENTICATED');

    // Allowed: an actor editor of its own actor, in its own organisation (the default).
    const email = `editor-${unique()}@test.local`;
    const inv = await invite({ email, role: 'ACTOR_EDITOR', actorIds: [ownActor] }, organiserA.apiKey);
    expect(inv.errors).toBeUndefined();
    const res = await accept(tokenOf(inv.data!.createInvitation.link), 'a long enough passphrase');
    const cookie = cookiePair(res.setCookie);
    const edited = await call<{ updateActor: { id: string } }>(
      'mutation($id: ID!, $i: UpdateActorInput!) { updateActor(id: $id, input: $i) { id } }',
      { id: ownActor, i: { description: 'Edited from the console' } },
      { cookie },
    );
    expect(edited.errors).toBeUndefined();
    const notTheirs = await call(
      'mutation($id: ID!, $i: UpdateActorInput!) { updateActor(id: $id, input: $i) { id } }',
      { id: otherActor, i: { description: 'Not mine' } },
      { cookie },
    );
    expect(code(notTheirs)).toBe('FORBIDDEN');
    const ownUser = await me(cookie);
    expect(ownUser.user?.email).toBe(email);
  });

  it('rate-limits failed sign-ins per e-mail, then per IP address', async () => {
    const p = await person();
    for (let i = 0; i < PER_EMAIL; i++)
      expect(reason(await signIn(p.email, `wrong password ${i}`))).toBe('invalid_credentials');
    // Even the right password waits now: the e-mail has used up its failures.
    const blocked = await signIn(p.email, p.password);
    expect([code(blocked), reason(blocked)]).toEqual(['RATE_LIMITED', 'signin_rate_limit']);
    expect(blocked.setCookie).toBeUndefined();

    // Per IP: failures on ever new e-mails (each below its own limit) add up to the IP's limit.
    let refusedAt = -1;
    for (let i = 0; i < PER_IP + 1 && refusedAt < 0; i++) {
      const r = await signIn(`spray-${i}-${unique()}@test.local`, 'guessed password');
      if (code(r) === 'RATE_LIMITED') refusedAt = i;
      else expect(reason(r)).toBe('invalid_credentials');
    }
    expect(refusedAt).toBeGreaterThanOrEqual(0);
    const other = await person();
    const fromSameIp = await signIn(other.email, other.password);
    expect(code(fromSameIp)).toBe('RATE_LIMITED');
  });
});
