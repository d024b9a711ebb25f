import { Injectable, Logger } from '@nestjs/common';
import { ScoringIndex, buildIndex } from '@maillage/candidate-search';
import { PairContext, ScoringActor, Taxonomy } from '@maillage/scoring';
import { ActorWrite, Pair, ScoringDataRepository } from './scoring-data.repository';

/**
 * A consistent view of the population: actors, alliances, pairs who met at an event (novelty
 * penalty), taxonomy, and the index over them.
 */
export interface PopulationSnapshot {
  readonly actors: ReadonlyMap<string, ScoringActor>;
  readonly alliances: readonly Pair[];
  readonly metBefore: readonly Pair[];
  /** [member, network head] (MEMBER_OF): POSITIONING's network ties. */
  readonly memberships: readonly Pair[];
  readonly taxonomy: Taxonomy;
  readonly index: ScoringIndex;
  readonly loadedAt: number;
  /** Actors written before this time (ms) are as in the graph (edits patched in since loadedAt). */
  readonly checkedAt: number;
  /**
   * The write each recently written actor is held at (or a newer one), as read before the actor
   * was: a refresh re-reads only the actors written since at another write. Without it the clock
   * slack would re-read, after a bulk load, every actor of the load's last seconds.
   */
  readonly writes: ReadonlyMap<string, ActorWrite>;
}

/** How long a loaded population serves the jobs of one worker process before it is read again. */
export const POPULATION_TTL_MS = 5000;

/**
 * Age after which a patched snapshot is read again in full, in the background: the edited actors
 * (and their alliances) are re-read by each rescore and other processes' writes are found by their
 * `updatedAt`, so this only bounds what neither shows (an actor deleted, or an alliance recorded, by
 * another worker process). A rescore does not wait for that read: it patches the snapshot it has
 * (only a worker with no snapshot yet, or an invalidated one, waits for a first read).
 */
export const PATCH_MAX_AGE_MS = 30 * 60_000;

/** After a failed background read, the next one waits this long (edits go on patching meanwhile). */
const RELOAD_RETRY_MS = 60_000;

/**
 * How far back changes are re-read: `updatedAt` is stamped by the writer's clock (processes may
 * differ by a few seconds) when its transaction starts, not when it commits, so a write becomes
 * visible up to its duration later (a 5,000-actor batch takes ~5 s). Writes already held are
 * skipped by their revision, so a wide window costs a list of ids, not a re-read.
 */
const CLOCK_SLACK_MS = 30_000;

/** Writes held this long after they were made: what a later check (clock slack back) can still return. */
const WRITES_KEPT_MS = 2 * CLOCK_SLACK_MS;

/**
 * Stored scores (COMPLEMENTS edges) are shown to every caller, so they use no lab's events: "met
 * before" is a live, per-lab component (viewerScope; an event's pair weights use its own lab's).
 */
const STORED_SCORES_MET_BEFORE: readonly Pair[] = [];

/**
 * Loads the scoring population once and shares it between the jobs of a worker for a few seconds:
 * the chunks of a rebuild then cost one read each instead of one per chunk. Concurrent callers
 * share the in-flight load.
 */
@Injectable()
export class PopulationService {
  private readonly logger = new Logger(PopulationService.name);
  private snapshot: PopulationSnapshot | null = null;
  private loading: Promise<PopulationSnapshot> | null = null;
  /** Ids patched into a snapshot that the load in flight will replace: patched into its result too. */
  private readonly repatch = new Set<string>();
  /** When a background read last failed: not tried again for RELOAD_RETRY_MS (Neo4j is struggling). */
  private reloadFailedAt = 0;

  constructor(private readonly data: ScoringDataRepository) {}

  async current(maxAgeMs = POPULATION_TTL_MS): Promise<PopulationSnapshot> {
    if (this.snapshot && Date.now() - this.snapshot.loadedAt <= maxAgeMs) return this.snapshot;
    if (!this.loading) {
      this.loading = this.load().finally(() => (this.loading = null));
    }
    return this.loading;
  }

  /**
   * A population read after `since` (a rebuild must see every actor that existed when it was
   * planned). Any such snapshot will do: the chunks of a long rebuild score against one read,
   * patched with the edits made meanwhile (see `refreshed`; past PATCH_MAX_AGE_MS a background
   * read replaces it), instead of re-reading 100k actors whenever the few-second TTL has passed.
   */
  async since(since: Date): Promise<PopulationSnapshot> {
    const kept = this.snapshot;
    if (!kept || kept.loadedAt < since.getTime()) {
      const snapshot = await this.current(0);
      if (snapshot.loadedAt < since.getTime()) {
        this.snapshot = null; // an in-flight load started before `since`: read again
        await this.current();
      }
    }
    // (refreshed: what was patched or written while a read ran is patched into it)
    return this.refreshed([]);
  }

  /**
   * The current population with some actors (and their alliances) re-read from the graph, for a
   * rescore right after a profile edit: the rest may be a few seconds old, these must not be.
   */
  async refreshed(ids: readonly string[]): Promise<PopulationSnapshot> {
    // At 100k actors a full read costs half a minute: patch the snapshot there is, and read an old
    // one again in the background (an edit never waits for it).
    const base = this.snapshot ?? (await this.current());
    if (Date.now() - base.loadedAt > PATCH_MAX_AGE_MS) this.reloadInBackground();
    if (this.loading) for (const id of ids) this.repatch.add(id);
    else if (this.repatch.size) {
      ids = [...ids, ...this.repatch];
      this.repatch.clear();
    }
    // and every actor another process wrote since the snapshot was last checked (its rescores
    // and imports never patch this process's snapshot)
    const checkedAt = Date.now();
    const changed = await this.data.changedSince(base.checkedAt - CLOCK_SLACK_MS);
    // A full read landed meanwhile: what changed is relative to it, so start again on it.
    const replaced = () => this.snapshot !== null && this.snapshot.loadedAt !== base.loadedAt;
    if (replaced()) return this.refreshed(ids);
    const held = (this.snapshot ?? base).writes;
    const unseen = changed.filter((c) => !sameWrite(held.get(c.id), c)).map((c) => c.id);
    ids = [...new Set([...ids, ...unseen])];
    if (ids.length === 0) return (this.snapshot = { ...(this.snapshot ?? base), checkedAt });
    const [fresh, alliances, met, members] = await Promise.all([
      this.data.actors(ids),
      this.data.alliancesOf(ids),
      STORED_SCORES_MET_BEFORE,
      this.data.memberships(ids),
    ]);
    if (replaced()) return this.refreshed(ids);
    // Patch the latest snapshot, not `base`: concurrent refreshes must not drop each other's patches.
    const latest = this.snapshot ?? base;
    const touched = new Set(ids);
    const actors = new Map(latest.actors);
    for (const id of ids) actors.delete(id);
    for (const a of fresh) actors.set(a.id, a);
    const untouched = ([a, b]: Pair) => !touched.has(a) && !touched.has(b);
    const pairs = latest.alliances.filter(untouched).concat(alliances);
    const metPairs = latest.metBefore.filter(untouched).concat(met);
    const memberships = latest.memberships.filter(([m]) => !touched.has(m)).concat(members);
    // Patch the index too: at 100k actors a build from scratch costs seconds, a patch reads only
    // the re-read actors (same index as a full build over `actors`).
    const index = latest.index.patched(ids, fresh, {
      pairs: new PairContext({ alliances: pairs, metBefore: metPairs, memberships }),
    });
    this.snapshot = {
      actors,
      alliances: pairs,
      metBefore: metPairs,
      memberships,
      taxonomy: latest.taxonomy,
      index,
      loadedAt: latest.loadedAt,
      checkedAt,
      writes: heldWrites(checkedAt, latest.writes, touched, changed),
    };
    // skipped as held, but a concurrent refresh has since put back an older read of them: read now
    // (past this check's slack nothing would return them)
    const putBack = changed.filter((c) => !touched.has(c.id) && !sameWrite(latest.writes.get(c.id), c));
    if (putBack.length) return this.refreshed(putBack.map((c) => c.id));
    return this.snapshot;
  }

  private reloadInBackground(): void {
    const started = Date.now();
    if (this.loading || started - this.reloadFailedAt < RELOAD_RETRY_MS) return;
    this.current(0).then(
      () => this.logger.log(`population read again in the background in ${Date.now() - started} ms`),
      (err: Error) => {
        this.reloadFailedAt = Date.now();
        this.logger.warn(`background population read failed (${err.name}); kept the patched one`);
      },
    );
  }

  /** Whether a refresh would patch a snapshot held here (seconds at most) rather than read one. */
  get warm(): boolean {
    return this.snapshot !== null;
  }

  invalidate(): void {
    this.snapshot = null;
  }

  private async load(): Promise<PopulationSnapshot> {
    const started = Date.now();
    // the recent writes first: an actor read after its write is at that write or a newer one
    const recent = await this.data.changedSince(started - WRITES_KEPT_MS);
    const [actors, alliances, metBefore, memberships, nodes] = await Promise.all([
      this.data.allActors(),
      this.data.allAlliances(),
      STORED_SCORES_MET_BEFORE,
      this.data.memberships(),
      this.data.taxonomy(),
    ]);
    const snapshot = build(
      new Map(actors.map((a) => [a.id, a])),
      alliances,
      metBefore,
      memberships,
      new Taxonomy(nodes),
      started,
      new Map(recent.map((w) => [w.id, w])),
    );
    this.snapshot = snapshot;
    this.logger.debug(`population loaded: ${actors.length} actors in ${Date.now() - started} ms`);
    return snapshot;
  }
}

function build(
  actors: Map<string, ScoringActor>,
  alliances: readonly Pair[],
  metBefore: readonly Pair[],
  memberships: readonly Pair[],
  taxonomy: Taxonomy,
  loadedAt: number,
  writes: ReadonlyMap<string, ActorWrite>,
): PopulationSnapshot {
  const index = buildIndex([...actors.values()], taxonomy, {
    pairs: new PairContext({ alliances, metBefore, memberships }),
  });
  return {
    actors,
    alliances,
    metBefore,
    memberships,
    taxonomy,
    index,
    loadedAt,
    checkedAt: loadedAt,
    writes,
  };
}

const sameWrite = (x: ActorWrite | undefined, y: ActorWrite) =>
  x !== undefined && x.writtenAt === y.writtenAt && x.rev === y.rev;

/**
 * The writes a refresh at `checkedAt` holds its actors at: the re-read (`touched`) ones at the write
 * `changed` (read before them) gave, if any; the others as before. Only those the next checks can
 * still return are kept (WRITES_KEPT_MS): older ones come back with a new write.
 */
function heldWrites(
  checkedAt: number,
  before: ReadonlyMap<string, ActorWrite>,
  touched: ReadonlySet<string>,
  changed: readonly ActorWrite[],
): Map<string, ActorWrite> {
  const out = new Map<string, ActorWrite>();
  const recent = (w: ActorWrite) => w.writtenAt >= checkedAt - WRITES_KEPT_MS;
  for (const [id, w] of before) if (!touched.has(id) && recent(w)) out.set(id, w);
  for (const w of changed) if (touched.has(w.id) && recent(w)) out.set(w.id, w);
  return out;
}
