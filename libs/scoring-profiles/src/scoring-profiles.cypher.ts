/**
 * Scoring profiles in Neo4j. `(:ScoringProfile {id: "<slug>@<version>", slug, version,
 * ownerOrganisationId, label, weights, createdAt})`: `weights` is the whole validated profile as
 * JSON (weights and knobs). Versions are immutable; saving creates the next version.
 * `(:ScoringProfileChoice {scope, profileId, setAt, setBy})` records which version is active:
 * scope "platform" (the stored COMPLEMENTS edges) or "org:<organisationId>" (a lab's live default).
 */

const PROFILE_FIELDS = `p { .id, .slug, .version, .ownerOrganisationId, .label, .weights, createdAt: toString(p.createdAt) }`;

export const LIST_PROFILES = `
MATCH (p:ScoringProfile)
RETURN ${PROFILE_FIELDS} AS profile
ORDER BY p.slug, p.version DESC`;

export const PROFILE_BY_ID = `
MATCH (p:ScoringProfile { id: $id })
RETURN ${PROFILE_FIELDS} AS profile`;

export const LATEST_OF_SLUG = `
MATCH (p:ScoringProfile { slug: $slug })
RETURN ${PROFILE_FIELDS} AS profile
ORDER BY p.version DESC LIMIT 1`;

/** Creates one version; the uniqueness constraint on id rejects a concurrent save of the same version. */
export const CREATE_PROFILE = `
CREATE (p:ScoringProfile { id: $id, slug: $slug, version: $version, ownerOrganisationId: $ownerOrganisationId,
  label: $label, weights: $weights, createdAt: datetime() })
RETURN ${PROFILE_FIELDS} AS profile`;

/** The active profile of some scopes, most specific first is up to the caller. */
export const CHOICES = `
UNWIND $scopes AS scope
MATCH (c:ScoringProfileChoice { scope: scope })
OPTIONAL MATCH (p:ScoringProfile { id: c.profileId })
RETURN scope, c.profileId AS profileId, CASE WHEN p IS NULL THEN null ELSE ${PROFILE_FIELDS} END AS profile`;

export const SET_CHOICE = `
MERGE (c:ScoringProfileChoice { scope: $scope })
SET c.profileId = $profileId, c.setAt = datetime(), c.setBy = $setBy
RETURN c.profileId AS profileId`;

export const CLEAR_CHOICE = `
MATCH (c:ScoringProfileChoice { scope: $scope })
DELETE c`;
