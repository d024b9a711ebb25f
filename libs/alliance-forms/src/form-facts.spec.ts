import { buildIndex, type ScoringIndex } from '@maillage/candidate-search';
import { PairContext } from '@maillage/scoring';
import { generatePopulation } from '@maillage/scoring/testing';
import { formFactsOf } from './form-facts';

/**
 * The index's relation arrays (alliances, past meetings) and the form facts' network heads are built
 * by visiting only the actors that have some; they must equal a plain pass over every actor, row by
 * row, including allies and heads outside the population and heads that are members themselves.
 */
describe('relations of an index and its form facts', () => {
  const { actors, taxonomy } = generatePopulation({ n: 300, seed: 3 });
  const id = (i: number) => actors[i].id;
  const pairs = new PairContext({
    alliances: [
      [id(5), id(9)],
      [id(9), id(200)],
      [id(7), 'outside-1'],
      ['outside-2', id(7)],
      [id(3), id(3)],
      [id(299), id(0)],
    ],
    metBefore: [
      [id(1), id(2)],
      [id(250), id(1)],
      [id(4), 'outside-3'],
    ],
    memberships: [
      [id(10), id(20)],
      [id(11), id(20)],
      [id(20), id(30)],
      [id(12), 'head-outside'],
      [id(10), 'head-outside'],
      [id(15), id(15)],
      [id(290), id(11)],
    ],
  });
  const ix = buildIndex(actors, taxonomy, { pairs });

  /** Every actor asked in turn, as the first implementation did. */
  function referenceAdjacency(index: ScoringIndex, of: (x: string) => ReadonlySet<string>) {
    const outside = new Map<string, number>();
    for (const x of pairs.allianceMembers()) if (index.indexOf(x) < 0) outside.set(x, index.n + outside.size);
    const start = [0];
    const list: number[] = [];
    for (let i = 0; i < index.n; i++) {
      const nb = [...of(index.ids[i])]
        .map((x) => (index.indexOf(x) >= 0 ? index.indexOf(x) : outside.get(x)))
        .filter((j): j is number => j !== undefined && j !== i)
        .sort((x, y) => x - y);
      list.push(...nb);
      start.push(list.length);
    }
    return { start, list };
  }

  it('lists each actor’s allies and past meetings as a pass over every actor would', () => {
    const allies = referenceAdjacency(ix, (x) => pairs.alliesOf(x));
    expect(Array.from(ix.allyStart)).toEqual(allies.start);
    expect(Array.from(ix.allyList)).toEqual(allies.list);
    expect(allies.list.length).toBe(8); // 3 inside (both ways), 2 with outsiders (one way), no self
    const met = referenceAdjacency(ix, (x) => pairs.metOf(x));
    expect(Array.from(ix.metStart)).toEqual(met.start);
    expect(Array.from(ix.metList)).toEqual(met.list);
  });

  it('numbers network heads as a pass over every actor would', () => {
    const numbers = new Map<string, number>();
    const start = [0];
    const heads: number[] = [];
    for (let i = 0; i < ix.n; i++) {
      const hs = pairs
        .headsOf(ix.ids[i])
        .map((h) => {
          if (!numbers.has(h)) numbers.set(h, numbers.size);
          return numbers.get(h)!;
        })
        .sort((x, y) => x - y);
      heads.push(...hs);
      start.push(heads.length);
    }
    const headOf = ix.ids.map((x) => numbers.get(x) ?? -1);
    const f = formFactsOf(ix);
    expect(Array.from(f.headStart)).toEqual(start);
    expect(Array.from(f.heads)).toEqual(heads);
    expect(Array.from(f.headOf)).toEqual(headOf);
    expect(heads.length).toBe(6); // the self-membership is ignored
    expect(headOf.filter((h) => h >= 0)).toHaveLength(3); // 20, 30 and 11 lead a network
  });
});
