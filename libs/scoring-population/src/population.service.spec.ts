import { buildIndex } from '@maillage/candidate-search';
import { PairContext, type ScoringActor } from '@maillage/scoring';
import { generatePopulation } from '@maillage/scoring/testing';
import { PATCH_MAX_AGE_MS, PopulationService } from './population.service';
import type { ActorWrite, Pair, ScoringDataRepository } from './scoring-data.repository';

/** The graph as the repository reads it: a mutable list of actors and alliances. */
function fakeGraph(actors: ScoringActor[], alliances: Pair[], nodes: unknown[]) {
  // writes: each actor's last write, as Neo4j stamps it (updatedAt ms, rev)
  const graph = {
    actors,
    alliances,
    writes: new Map<string, ActorWrite>(),
    /** Another process writes `actor` (or stamps it again, unchanged) now. */
    write(actor: ScoringActor) {
      graph.actors = graph.actors.filter((a) => a.id !== actor.id).concat(actor);
      const rev = (graph.writes.get(actor.id)?.rev ?? 0) + 1;
      graph.writes.set(actor.id, { id: actor.id, writtenAt: Date.now(), rev });
    },
  };
  const data = {
    changedSince: async (since: number) => [...graph.writes.values()].filter((w) => w.writtenAt >= since),
    allActors: async () => [...graph.actors],
    actors: async (ids: readonly string[]) => graph.actors.filter((a) => ids.includes(a.id)),
    allAlliances: async () => [...graph.alliances],
    alliancesOf: async (ids: readonly string[]) =>
      graph.alliances.filter(([a, b]) => ids.includes(a) || ids.includes(b)),
    memberships: async () => [],
    taxonomy: async () => nodes,
  };
  return { graph, data: data as unknown as ScoringDataRepository };
}

/** Makes every later full read of the actors hang until the returned function is called. */
function holdFullReads(data: ScoringDataRepository): () => void {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const readAll = data.allActors.bind(data);
  (data as { allActors: () => Promise<ScoringActor[]> }).allActors = async () => {
    await gate;
    return readAll();
  };
  return release;
}

describe('PopulationService.refreshed', () => {
  it('re-reads the actors written since only when written again after the write it holds', async () => {
    const { actors, competences } = generatePopulation({ n: 200, seed: 5 });
    const { graph, data } = fakeGraph([...actors], [], competences);
    // written just before the load (within the clock slack a refresh looks back over)
    graph.write(actors[1]);
    graph.write(actors[2]);
    const population = new PopulationService(data);
    await population.current();
    const reads: string[][] = [];
    const readSome = data.actors.bind(data);
    data.actors = async (ids) => (reads.push([...ids].sort()), readSome(ids));

    // the load holds them at those writes: nothing to re-read
    await population.refreshed([]);
    expect(reads).toEqual([]);

    // another process writes actor 2 again, and stamps actor 1 again in the same millisecond
    // (same updatedAt, next revision): both are re-read, once
    const edited = { ...actors[2], needs: actors[9].needs };
    graph.write(edited);
    const w1 = graph.writes.get(actors[1].id)!;
    graph.writes.set(actors[1].id, { ...w1, rev: w1.rev + 1 });
    const after = await population.refreshed([]);
    expect(reads).toEqual([[actors[1].id, edited.id].sort()]);
    expect(after.actors.get(edited.id)).toBe(edited);
    expect(after.index.actors[after.index.indexOf(edited.id)]).toBe(edited);
    await population.refreshed([]);
    expect(reads).toHaveLength(1);

    // an edit's own actor is re-read whatever its write (the rescore asked for it)
    await population.refreshed([actors[3].id]);
    expect(reads[1]).toEqual([actors[3].id]);
  });

  it('re-reads a write that commits long after its updatedAt was stamped (a long transaction)', async () => {
    const { actors, competences } = generatePopulation({ n: 120, seed: 8 });
    const { graph, data } = fakeGraph([...actors], [], competences);
    const population = new PopulationService(data);
    await population.current();
    await population.refreshed([]); // checked now: a later check looks back from here
    // another process's batch started 20 s ago (updatedAt = its start) and commits only now
    const edited = { ...actors[4], needs: actors[7].needs };
    graph.actors = graph.actors.filter((a) => a.id !== edited.id).concat(edited);
    graph.writes.set(edited.id, { id: edited.id, writtenAt: Date.now() - 20_000, rev: 1 });
    const after = await population.refreshed([]);
    expect(after.actors.get(edited.id)).toBe(edited);
  });

  it('reads again an actor it skipped as held when a slower refresh put back an older read of it', async () => {
    const { actors, competences } = generatePopulation({ n: 200, seed: 13 });
    const { graph, data } = fakeGraph([...actors], [], competences);
    const population = new PopulationService(data);
    await population.current();
    // actors() answers what the graph held when it was called; some answers are held back
    const readNow = data.actors.bind(data);
    const held: (() => void)[] = [];
    let holdNext = 0;
    data.actors = async (ids) => {
      const answer = await readNow(ids);
      if (holdNext > 0) {
        holdNext--;
        await new Promise<void>((release) => held.push(release));
      }
      return answer;
    };
    const y = actors[4];
    holdNext = 1;
    const slow = population.refreshed([y.id]); // reads y before its write, answers last but one
    await new Promise((r) => setImmediate(r));
    const edited = { ...y, needs: actors[11].needs };
    graph.write(edited);
    expect((await population.refreshed([])).actors.get(y.id)).toBe(edited); // re-read at its write
    holdNext = 1;
    const last = population.refreshed([actors[5].id]); // skips y as held, then waits
    await new Promise((r) => setImmediate(r));
    held.shift()!(); // the slow refresh lands: y as it was before its write
    await slow;
    held.shift()!();
    const after = await last;
    expect(after.actors.get(y.id)).toBe(edited);
    expect(after.index.actors[after.index.indexOf(y.id)]).toBe(edited);
  });

  it('patches the index into the one a full build over the refreshed actors gives', async () => {
    const { actors, competences } = generatePopulation({ n: 600, seed: 21 });
    const alliances: Pair[] = [
      [actors[1].id, actors[2].id],
      [actors[3].id, actors[4].id],
    ];
    const { graph, data } = fakeGraph([...actors], alliances, competences);
    const population = new PopulationService(data);
    const before = await population.current();

    // one actor edits its offers and moves, another leaves the graph, an alliance is made
    const edited = { ...actors[1], offers: actors[9].offers, territories: actors[300].territories };
    graph.actors = graph.actors
      .filter((a) => a.id !== actors[5].id)
      .map((a) => (a.id === edited.id ? edited : a));
    graph.alliances = [...alliances, [edited.id, actors[7].id]];
    const after = await population.refreshed([edited.id, actors[5].id]);

    expect(after.index).not.toBe(before.index);
    expect(after.index.n).toBe(actors.length - 1);
    expect(after.index.actors[after.index.indexOf(edited.id)]).toBe(edited);
    expect(after.index.indexOf(actors[5].id)).toBe(-1);
    const full = buildIndex([...after.actors.values()], after.taxonomy, {
      pairs: new PairContext({
        alliances: after.alliances,
        metBefore: after.metBefore,
        memberships: after.memberships,
      }),
    });
    const arrays = (ix: object) =>
      Object.entries(ix)
        .filter(([, v]) => ArrayBuffer.isView(v))
        .map(([k, v]) => [k, Array.from(v as Int32Array)]);
    expect(arrays(after.index)).toEqual(arrays(full));
    expect(after.index.ids).toEqual(full.ids);
    expect(after.index.allyStart[after.index.indexOf(edited.id) + 1]).toBeGreaterThan(
      after.index.allyStart[after.index.indexOf(edited.id)],
    );
  });

  it('patches in what another process wrote when a rebuild reuses the snapshot', async () => {
    const { actors, competences } = generatePopulation({ n: 200, seed: 5 });
    const { graph, data } = fakeGraph([...actors], [], competences);
    const population = new PopulationService(data);
    const startedAt = new Date(Date.now() - 1000);
    await population.since(startedAt);
    // another worker process edited an actor (its rescore patched its own snapshot, not this one)
    const edited = { ...actors[3], needs: actors[8].needs };
    graph.write(edited);
    const reused = await population.since(startedAt);
    expect(reused.index.actors[reused.index.indexOf(edited.id)]).toBe(edited);
    expect(reused.actors.get(edited.id)).toBe(edited);
  });

  it('patches an old snapshot at once, reads it again in the background, and keeps what was patched meanwhile', async () => {
    const { actors, competences } = generatePopulation({ n: 200, seed: 9 });
    const { graph, data } = fakeGraph([...actors], [], competences);
    const population = new PopulationService(data);
    const old = await population.current();
    const later = Date.now() + PATCH_MAX_AGE_MS + 1000;
    const clock = jest.spyOn(Date, 'now').mockImplementation(() => later);
    try {
      const release = holdFullReads(data); // from now on
      await population.refreshed([]); // starts the background read (before the alliance below)
      // an actor edits its needs and records an alliance (which no updatedAt shows)
      const edited = { ...actors[3], needs: actors[8].needs };
      graph.actors = graph.actors.map((a) => (a.id === edited.id ? edited : a));
      graph.alliances = [[edited.id, actors[4].id]];
      const patched = await population.refreshed([edited.id]); // answered while the read hangs
      expect(patched.loadedAt).toBe(old.loadedAt);
      expect(patched.index.actors[patched.index.indexOf(edited.id)]).toBe(edited);
      expect(patched.alliances).toEqual([[edited.id, actors[4].id]]);

      release();
      const reread = await population.current(PATCH_MAX_AGE_MS); // the background read, landed
      expect(reread.loadedAt).toBe(later);
      expect(reread.alliances).toEqual([]); // read before the alliance was recorded
      const next = await population.refreshed([]);
      expect(next.loadedAt).toBe(later);
      expect(next.alliances).toEqual([[edited.id, actors[4].id]]);
      const e = next.index.indexOf(edited.id);
      expect(next.index.allyStart[e + 1] - next.index.allyStart[e]).toBe(1);
    } finally {
      clock.mockRestore();
    }
  });

  it('gives a rebuild chunk that waited for a full read what was patched while it ran', async () => {
    const { actors, competences } = generatePopulation({ n: 200, seed: 13 });
    const { graph, data } = fakeGraph([...actors], [], competences);
    const population = new PopulationService(data);
    await population.current();
    const later = Date.now() + PATCH_MAX_AGE_MS + 1000;
    const clock = jest.spyOn(Date, 'now').mockImplementation(() => later);
    try {
      const release = holdFullReads(data);
      await population.refreshed([]); // the background read starts
      graph.alliances = [[actors[6].id, actors[7].id]];
      await population.refreshed([actors[6].id]); // an alliance recorded while it runs
      const chunk = population.since(new Date(later)); // a rebuild planned now waits for that read
      release();
      const snapshot = await chunk;
      expect(snapshot.loadedAt).toBe(later);
      expect(snapshot.alliances).toEqual([[actors[6].id, actors[7].id]]);
    } finally {
      clock.mockRestore();
    }
  });
});
