import { Injectable } from '@nestjs/common';
import { Neo4jError } from 'neo4j-driver';

import { Neo4jService } from '@maillage/neo4j';
import {
  DEFAULT_PROFILE,
  ProfileOverrides,
  ScoringProfile,
  defineProfile,
  profileKey,
} from '@maillage/scoring';
import {
  CHOICES,
  CLEAR_CHOICE,
  CREATE_PROFILE,
  LATEST_OF_SLUG,
  LIST_PROFILES,
  PROFILE_BY_ID,
  SET_CHOICE,
} from './scoring-profiles.cypher';
import { SCORING_PROFILE_ERRORS } from './scoring-profiles.errors';

/** A profile version as stored (the built-in default is represented the same way). */
export interface StoredProfile {
  /** "<slug>@<version>", e.g. "default@1". */
  key: string;
  slug: string;
  version: number;
  ownerOrganisationId: string | null;
  label: string | null;
  createdAt: Date | null;
  builtIn: boolean;
  profile: ScoringProfile;
}

interface ProfileRow {
  id: string;
  slug: string;
  version: number;
  ownerOrganisationId: string | null;
  label: string | null;
  weights: string;
  createdAt: string | null;
}

/** Scope of the platform's choice: the profile every stored COMPLEMENTS edge is computed with. */
export const PLATFORM_SCOPE = 'platform';
export const orgScope = (organisationId: string) => `org:${organisationId}`;

export const BUILT_IN: StoredProfile = {
  key: profileKey(DEFAULT_PROFILE),
  slug: DEFAULT_PROFILE.id,
  version: DEFAULT_PROFILE.version,
  ownerOrganisationId: null,
  label: DEFAULT_PROFILE.label ?? null,
  createdAt: null,
  builtIn: true,
  profile: DEFAULT_PROFILE,
};

/** How long `recentChoices` keeps the profile choices of a set of scopes. */
export const CHOICES_TTL_MS = 2000;

/**
 * Stored scoring profiles and which one is active where. Versions are immutable, so parsed
 * profiles are cached by key: the same version is the same object everywhere (the scoring
 * library caches compiled profiles per object).
 */
@Injectable()
export class ScoringProfilesRepository {
  private readonly parsed = new Map<string, ScoringProfile>([[BUILT_IN.key, DEFAULT_PROFILE]]);
  private generation = 0;
  private readonly recent = new Map<string, { at: number; choices: Promise<Map<string, StoredProfile>> }>();

  constructor(private readonly neo4j: Neo4jService) {}

  async list(): Promise<StoredProfile[]> {
    const rows = await this.neo4j.read<{ profile: ProfileRow }>(LIST_PROFILES);
    return [BUILT_IN, ...rows.map((r) => this.toStored(r.profile))];
  }

  /** By "<slug>@<version>", or by slug for its latest version. */
  async get(idOrSlug: string): Promise<StoredProfile | null> {
    if (idOrSlug === BUILT_IN.key || idOrSlug === BUILT_IN.slug) return BUILT_IN;
    const rows = idOrSlug.includes('@')
      ? await this.neo4j.read<{ profile: ProfileRow }>(PROFILE_BY_ID, { id: idOrSlug })
      : await this.neo4j.read<{ profile: ProfileRow }>(LATEST_OF_SLUG, { slug: idOrSlug });
    return rows[0] ? this.toStored(rows[0].profile) : null;
  }

  async latestVersion(slug: string): Promise<StoredProfile | null> {
    const [row] = await this.neo4j.read<{ profile: ProfileRow }>(LATEST_OF_SLUG, { slug });
    return row ? this.toStored(row.profile) : null;
  }

  /** Stores a validated profile as version `profile.version` of `profile.id` (its slug). */
  async create(profile: ScoringProfile, ownerOrganisationId: string | null): Promise<StoredProfile> {
    try {
      const [row] = await this.neo4j.write<{ profile: ProfileRow }>(CREATE_PROFILE, {
        id: profileKey(profile),
        slug: profile.id,
        version: this.neo4j.int(profile.version),
        ownerOrganisationId,
        label: profile.label ?? null,
        weights: JSON.stringify(profile),
      });
      return this.toStored(row.profile);
    } catch (err) {
      if (err instanceof Neo4jError && err.code === 'Neo.ClientError.Schema.ConstraintValidationFailed')
        throw SCORING_PROFILE_ERRORS.conflict(
          `Profile ${profileKey(profile)} was saved concurrently, retry`,
          {
            field: ['input', 'slug'],
            reason: 'profile_version_taken',
          },
        );
      throw err;
    }
  }

  /**
   * choices() for the hot read paths (`partners` reads it on every call): kept CHOICES_TTL_MS,
   * dropped at once when this process records a choice. Another API process sees a new choice
   * within that time; rebuilds read the choices fresh (platform()).
   */
  recentChoices(scopes: readonly string[]): Promise<Map<string, StoredProfile>> {
    const key = scopes.join('\n');
    const hit = this.recent.get(key);
    if (hit && Date.now() - hit.at < CHOICES_TTL_MS) return hit.choices;
    const generation = this.generation;
    const choices = this.choices(scopes);
    const entry = { at: Date.now(), choices };
    this.recent.set(key, entry);
    const drop = () => this.recent.get(key) === entry && this.recent.delete(key);
    // a choice recorded meanwhile (this process) makes the read stale: do not keep it
    choices.then(() => generation !== this.generation && drop(), drop);
    if (this.recent.size > 1000) this.recent.delete(this.recent.keys().next().value!);
    return choices;
  }

  /** Active profile of each scope that has one (one read). */
  async choices(scopes: readonly string[]): Promise<Map<string, StoredProfile>> {
    const rows = await this.neo4j.read<{ scope: string; profileId: string; profile: ProfileRow | null }>(
      CHOICES,
      { scopes },
    );
    const out = new Map<string, StoredProfile>();
    for (const row of rows) {
      if (row.profileId === BUILT_IN.key) out.set(row.scope, BUILT_IN);
      else if (row.profile) out.set(row.scope, this.toStored(row.profile));
    }
    return out;
  }

  /** Active profile of the first scope that has one (most specific first); the built-in default otherwise. */
  async activeFor(scopes: readonly string[]): Promise<StoredProfile> {
    const chosen = await this.choices(scopes);
    for (const scope of scopes) {
      const found = chosen.get(scope);
      if (found) return found;
    }
    return BUILT_IN;
  }

  /** The platform's active profile: the one stored edges are computed with. Read fresh each time. */
  async platform(): Promise<StoredProfile> {
    return this.activeFor([PLATFORM_SCOPE]);
  }

  async choose(scope: string, profileKeyOrNull: string | null, setBy: string | null): Promise<void> {
    this.recent.clear();
    this.generation++;
    try {
      if (profileKeyOrNull === null) await this.neo4j.write(CLEAR_CHOICE, { scope });
      else await this.neo4j.write(SET_CHOICE, { scope, profileId: profileKeyOrNull, setBy });
    } finally {
      // reads that started during the write may hold the old choice: forget them too
      this.recent.clear();
      this.generation++;
    }
  }

  private toStored(r: ProfileRow): StoredProfile {
    let profile = this.parsed.get(r.id);
    if (!profile) {
      // Stored versions were validated when saved; validate again so a hand-edited node fails loudly.
      // Versions saved before a knob existed (e.g. the alliance forms' weights) get its default.
      profile = Object.freeze(defineProfile(JSON.parse(r.weights) as ProfileOverrides));
      this.parsed.set(r.id, profile);
    }
    return {
      key: r.id,
      slug: r.slug,
      version: Number(r.version),
      ownerOrganisationId: r.ownerOrganisationId ?? null,
      label: r.label ?? null,
      createdAt: r.createdAt ? new Date(r.createdAt) : null,
      builtIn: false,
      profile,
    };
  }
}
