// Maillage graph schema: uniqueness constraints and indexes.
// version: 3
//
// Applied by ReferenceSeeder.applyConstraints() (libs/reference): statements are separated by
// semicolons at the end of a line; lines starting with // are comments. Every statement is
// idempotent (IF NOT EXISTS). Neo4j 5 Community supports uniqueness constraints only (no
// existence or node-key constraints), so required properties are enforced by the application.
// Bump the version above when you add a statement; never edit or rename an applied one.

// --- Actors ---------------------------------------------------------------------------------
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT actor_siren IF NOT EXISTS FOR (a:Actor) REQUIRE a.siren IS UNIQUE;
CREATE CONSTRAINT actor_rna IF NOT EXISTS FOR (a:Actor) REQUIRE a.rna IS UNIQUE;
CREATE CONSTRAINT actor_external_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.externalId IS UNIQUE;
CREATE INDEX actor_kind IF NOT EXISTS FOR (a:Actor) ON (a.kind);
CREATE INDEX actor_family IF NOT EXISTS FOR (a:Actor) ON (a.family);
// Range index on the name: ordering and cursor pagination by name.
CREATE INDEX actor_name IF NOT EXISTS FOR (a:Actor) ON (a.name);
// Normalised name (lower case, no accents; libs/common normaliseForSearch): sorting, cursor
// pagination and prefix search. No TEXT index on it: each Lucene index costs ~15% of the write
// time of a bulk actor load, and CONTAINS over 100k actors is a fast scan anyway.
CREATE INDEX actor_search_name IF NOT EXISTS FOR (a:Actor) ON (a.searchName);
// Last write: a worker's kept population re-reads the actors another process changed since.
CREATE INDEX actor_updated_at IF NOT EXISTS FOR (a:Actor) ON (a.updatedAt);
// Full-text name search, case- and accent-insensitive ("standard-folding" = ASCII folding).
CREATE FULLTEXT INDEX actorNames IF NOT EXISTS FOR (a:Actor) ON EACH [a.name]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false } };

// --- Reference data -------------------------------------------------------------------------
CREATE CONSTRAINT competence_id IF NOT EXISTS FOR (c:Competence) REQUIRE c.id IS UNIQUE;
CREATE CONSTRAINT territory_code IF NOT EXISTS FOR (t:Territory) REQUIRE t.code IS UNIQUE;
CREATE INDEX territory_level IF NOT EXISTS FOR (t:Territory) ON (t.level);
CREATE INDEX territory_name IF NOT EXISTS FOR (t:Territory) ON (t.name);
// Normalised name (lower case, no accents, punctuation as spaces): prefix search (range index)
// and word-prefix search inside the name (text index, CONTAINS).
CREATE INDEX territory_search_name IF NOT EXISTS FOR (t:Territory) ON (t.searchName);
CREATE TEXT INDEX territory_search_name_text IF NOT EXISTS FOR (t:Territory) ON (t.searchName);
CREATE CONSTRAINT cause_sdg IF NOT EXISTS FOR (c:Cause) REQUIRE c.sdg IS UNIQUE;

// --- Scoring and bookkeeping ----------------------------------------------------------------
CREATE CONSTRAINT scoring_profile_id IF NOT EXISTS FOR (p:ScoringProfile) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT seed_version_name IF NOT EXISTS FOR (s:SeedVersion) REQUIRE s.name IS UNIQUE;
