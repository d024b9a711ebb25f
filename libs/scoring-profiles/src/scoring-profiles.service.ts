import { Injectable } from '@nestjs/common';
import { BadInputError } from '@maillage/common';
import { SCORING_PROFILE_ERRORS } from './scoring-profiles.errors';
import { Action, Principal, Role, assertAllowed } from '@maillage/auth';
import {
  ProfileIssue,
  ProfileOverrides,
  ProfileValidationError,
  ScoringProfile,
  defineProfile,
} from '@maillage/scoring';
import { SaveScoringProfileInput } from './dto/scoring-profile.inputs';
import { ScoringProfileModel } from './models/scoring-profile.models';
import {
  BUILT_IN,
  PLATFORM_SCOPE,
  ScoringProfilesRepository,
  StoredProfile,
  orgScope,
} from './scoring-profiles.repository';

const SLUG = /^[a-z0-9][a-z0-9-]{0,59}$/;
/** Top-level keys of a profile that SaveScoringProfileInput carries as typed fields. */
const TYPED_KEYS = new Set(['weights', 'penalties', 'alliedPolicy', 'label', 'id', 'version']);

/**
 * Scoring profiles: versioned weight sets, stored in Neo4j. What each choice changes:
 * - the PLATFORM's active profile (admins, `activateScoringProfile`) is the one every stored
 *   COMPLEMENTS edge is computed with; activating one enqueues a rebuild (all, or one territory)
 *   and the new edges carry its slug and version;
 * - a LAB's active profile (`setOrganisationScoringProfile`, admin/organiser of that organisation)
 *   is its members' default for live scores: explainPair, localCauses, triads, and partners, which
 *   then re-ranks the stored candidates (the platform's top-K) with it. It changes nothing stored,
 *   so it triggers no rebuild; `profileId` arguments override it per query.
 * Versions are immutable and activation pins an exact version: saving a new version does not
 * change what is active until it is activated.
 */
@Injectable()
export class ScoringProfilesService {
  constructor(private readonly profiles: ScoringProfilesRepository) {}

  async list(p: Principal): Promise<ScoringProfileModel[]> {
    assertAllowed(p, Action.AUTHENTICATED_READ);
    const [all, platform, mine] = await Promise.all([
      this.profiles.list(),
      this.profiles.platform(),
      this.profiles.activeFor([orgScope(p.organisationId)]),
    ]);
    return all.filter((s) => canUseProfile(p, s, platform)).map((s) => toModel(s, platform.key, mine.key));
  }

  async get(p: Principal, id: string): Promise<ScoringProfileModel> {
    assertAllowed(p, Action.AUTHENTICATED_READ);
    const [stored, platform, mine] = await Promise.all([
      this.resolve(id, ['id'], p),
      this.profiles.platform(),
      this.profiles.activeFor([orgScope(p.organisationId)]),
    ]);
    return toModel(stored, platform.key, mine.key);
  }

  async save(p: Principal, input: SaveScoringProfileInput): Promise<ScoringProfileModel> {
    assertAllowed(p, Action.SCORING_PROFILE_MANAGE);
    const slug = input.slug.trim();
    if (!SLUG.test(slug))
      throw SCORING_PROFILE_ERRORS.badInput('input.slug: lowercase letters, digits and dashes (at most 60)', {
        field: ['input', 'slug'],
        reason: 'invalid_slug',
      });
    if (slug === BUILT_IN.slug)
      throw SCORING_PROFILE_ERRORS.badInput('input.slug: "default" is the built-in profile', {
        field: ['input', 'slug'],
        reason: 'reserved_slug',
      });
    const latest = await this.profiles.latestVersion(slug);
    if (latest && latest.ownerOrganisationId !== p.organisationId && p.role !== Role.ADMIN)
      throw SCORING_PROFILE_ERRORS.forbidden(`Profile ${slug} belongs to another organisation`, {
        field: ['input', 'slug'],
        reason: 'not_profile_owner',
      });
    const base = input.basedOn
      ? await this.resolve(input.basedOn, ['input', 'basedOn'], p)
      : (latest ?? BUILT_IN);
    let extra: Record<string, unknown> = {};
    if (input.definition !== undefined && input.definition !== null) {
      try {
        extra = JSON.parse(input.definition) as Record<string, unknown>;
      } catch {
        extra = null as unknown as Record<string, unknown>;
      }
      if (extra === null || typeof extra !== 'object' || Array.isArray(extra))
        throw SCORING_PROFILE_ERRORS.badInput('input.definition: must be a JSON object', {
          field: ['input', 'definition'],
          reason: 'invalid_json',
        });
    }
    const overrides = {
      ...extra,
      ...(input.weights ? { weights: { ...(extra.weights as object), ...stripNulls(input.weights) } } : {}),
      ...(input.penalties
        ? { penalties: { ...(extra.penalties as object), ...stripNulls(input.penalties) } }
        : {}),
      ...(input.alliedPolicy ? { alliedPolicy: input.alliedPolicy } : {}),
      id: slug,
      version: (latest?.version ?? 0) + 1,
      label: input.label ?? (latest ? latest.label : null) ?? slug,
    } as ProfileOverrides;
    let profile: ScoringProfile;
    try {
      profile = defineProfile(overrides, base.profile);
    } catch (err) {
      if (err instanceof ProfileValidationError) throw invalid(err.issues, input);
      throw err;
    }
    // Every version of a slug belongs to the slug's lab, even one an admin publishes for it.
    const saved = await this.profiles.create(profile, latest ? latest.ownerOrganisationId : p.organisationId);
    const platform = await this.profiles.platform();
    const mine = await this.profiles.activeFor([orgScope(p.organisationId)]);
    return toModel(saved, platform.key, mine.key);
  }

  /**
   * Records `stored` as the platform's profile (the one stored edges are computed with). The
   * caller (complementarity's activateScoringProfile) checks the right and enqueues the rebuild.
   */
  async chooseForPlatform(stored: StoredProfile, userId: string | null): Promise<void> {
    await this.profiles.choose(PLATFORM_SCOPE, stored.key, userId);
  }

  /** The platform's profile: the one stored COMPLEMENTS edges are computed with. */
  platform(): Promise<StoredProfile> {
    return this.profiles.platform();
  }

  /** The caller's lab's default profile for live scores (null resets to the platform's). */
  async setForOrganisation(p: Principal, profileId: string | null): Promise<ScoringProfileModel> {
    assertAllowed(p, Action.SCORING_PROFILE_MANAGE);
    const stored = profileId ? await this.resolve(profileId, ['profileId'], p) : null;
    await this.profiles.choose(orgScope(p.organisationId), stored?.key ?? null, p.userId);
    const platform = await this.profiles.platform();
    const effective = stored ?? platform;
    return toModel(effective, platform.key, effective.key);
  }

  /**
   * The profile a live score uses for this caller: the explicit one, else the caller's lab's,
   * else the platform's (the one stored edges carry).
   */
  async effective(
    p: Principal,
    profileId?: string | null,
    field: (string | number)[] = ['profileId'],
  ): Promise<{ stored: StoredProfile; platform: StoredProfile }> {
    const scopes = p.kind === 'user' ? [orgScope(p.organisationId), PLATFORM_SCOPE] : [PLATFORM_SCOPE];
    const [chosen, explicit] = await Promise.all([
      this.profiles.recentChoices(scopes),
      profileId ? this.resolve(profileId, field, p) : null,
    ]);
    const platform = chosen.get(PLATFORM_SCOPE) ?? BUILT_IN;
    const stored = explicit ?? (scopes.map((s) => chosen.get(s)).find((x) => x !== undefined) || platform);
    return { stored, platform };
  }

  /**
   * A profile by "slug@version" or slug (latest), when it exists and (with a caller) the caller may
   * use it; else NOT_FOUND on `field`, exactly like an unknown id.
   */
  async resolve(id: string, field: (string | number)[], p?: Principal): Promise<StoredProfile> {
    const [stored, platform] = await Promise.all([
      this.profiles.get(id.trim()),
      p ? this.profiles.platform() : null,
    ]);
    if (!stored || (p && platform && !canUseProfile(p, stored, platform)))
      throw SCORING_PROFILE_ERRORS.notFound(`Scoring profile ${id} not found`, {
        field,
        reason: 'unknown_scoring_profile',
      });
    return stored;
  }
}

/**
 * Who may see and score with a profile: everyone the built-in and the platform's active one; the
 * owning lab (its members) its own; admins all. Others answer NOT_FOUND, like an unknown id.
 */
export function canUseProfile(p: Principal, s: StoredProfile, platform: StoredProfile): boolean {
  if (s.builtIn || s.key === platform.key) return true;
  if (p.kind !== 'user') return false;
  return (
    p.role === Role.ADMIN || (s.ownerOrganisationId !== null && s.ownerOrganisationId === p.organisationId)
  );
}

function stripNulls<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
}

/** Profile issues → BAD_USER_INPUT with GraphQL field paths (typed fields, else inside definition). */
function invalid(issues: readonly ProfileIssue[], input: SaveScoringProfileInput): BadInputError {
  const fieldOf = (path: string): (string | number)[] => {
    const parts = path ? path.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k)) : [];
    const top = String(parts[0] ?? '');
    const typed =
      TYPED_KEYS.has(top) && (top !== 'weights' || input.weights) && (top !== 'penalties' || input.penalties);
    return typed ? ['input', ...parts] : ['input', 'definition', ...parts];
  };
  const problems = issues.map((i) => ({
    field: fieldOf(i.path),
    reason: 'invalid_profile' as const,
    message: `${fieldOf(i.path).join('.')}: ${i.message}`,
  }));
  return SCORING_PROFILE_ERRORS.badInput(problems[0].message, {
    field: problems[0].field,
    reason: 'invalid_profile',
    problems,
  });
}

function toModel(s: StoredProfile, platformKey: string, mineKey: string): ScoringProfileModel {
  const pr = s.profile;
  return {
    id: s.key,
    slug: s.slug,
    version: s.version,
    label: s.label,
    ownerOrganisationId: s.ownerOrganisationId,
    builtIn: s.builtIn,
    createdAt: s.createdAt,
    weights: { ...pr.weights },
    penalties: { ...pr.penalties },
    alliedPolicy: pr.alliedPolicy,
    definition: JSON.stringify(pr),
    activeOnPlatform: s.key === platformKey,
    activeForMyOrganisation: s.key === mineKey,
  };
}
