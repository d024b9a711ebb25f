import { ActorFamily, Modality } from '@maillage/domain';
import {
  assertActor,
  causesMaskOf,
  formsMaskOf,
  levelRank,
  normalizeNeeds,
  normalizeOffers,
  sizeOrdinal,
  type ScoringActor,
} from '@maillage/scoring';

export const MODALITIES: readonly Modality[] = Object.values(Modality);
const MOD_INDEX = Object.fromEntries(MODALITIES.map((m, i) => [m, i])) as Record<Modality, number>;
export const FAMILIES: readonly ActorFamily[] = Object.values(ActorFamily);

/**
 * What the index reads from one actor, as numbers. Strings (competence ids, territory codes) are
 * symbols of the IndexCache: stable numbers for its lifetime, which each build maps to its own
 * numbering (sorted competence ids, first appearance of codes), so a build reusing cached facts
 * produces exactly the arrays of a build from scratch.
 */
export interface ActorFacts {
  readonly actor: ScoringActor;
  /** (région, département, id): the index order. */
  readonly sortKey: string;
  /** Normalized offers (normalizeOffers order), each as offerCode(competence symbol, level, modality). */
  readonly offers: readonly number[];
  /** Normalized needs (normalizeNeeds order), each as needCode(competence symbol, priority, modality). */
  readonly needs: readonly number[];
  readonly causes: number;
  readonly forms: number;
  readonly family: number;
  readonly size: number;
  /** Territory symbol of the location by level rank (commune, epci, département, région); −1 = none. */
  readonly loc: readonly number[];
  /** Acted-in territories with a known level and a code, as territory symbols (input order). */
  readonly acts: readonly number[];
  /** Last build that saw this actor in its input, and last build that found it in the previous index. */
  seen: number;
  kept: number;
}

// Items packed in one small integer each (plain arrays of small integers are the cheapest per-actor
// storage in V8: many tiny typed arrays cost far more to allocate and to collect).
/** Competence symbol × 32 + level × 8 + modality index (< 8). */
export const offerCode = (sym: number, level: number, mod: number) => sym * 32 + level * 8 + mod;
/** Competence symbol × 32 + priority × 8 + modality index + 1 (0 = any modality). */
export const needCode = (sym: number, prio: number, mod: number) => sym * 32 + prio * 8 + mod + 1;
export const itemSym = (code: number) => code >>> 5;
/** Level (offers) or priority (needs). */
export const itemRank = (code: number) => (code >>> 3) & 3;
/** Modality index (offers), or modality index + 1 (needs). */
export const itemMod = (code: number) => code & 7;

/**
 * Per-actor facts kept across builds, keyed by the actor object: a rebuild after a few actors were
 * replaced (PopulationService.refreshed keeps the other objects) derives facts for those only.
 * Actor objects must therefore not be mutated once indexed.
 */
export class IndexCache {
  private readonly facts = new WeakMap<ScoringActor, ActorFacts>();
  private readonly compSyms = new Map<string, number>();
  /** Competence id of each competence symbol. */
  readonly compNames: string[] = [];
  /** One map per level rank: a code names different territories at different levels. */
  private readonly terrSyms = [0, 1, 2, 3].map(() => new Map<string, number>());
  /** Code and level rank of each territory symbol. */
  readonly terrNames: string[] = [];
  readonly terrRank: number[] = [];
  /** Build counter, for the stamps of ActorFacts. */
  builds = 0;
  /** Competence arrays of the last build (they depend on the taxonomy and extra competences only). */
  competences: unknown = null;

  comp(id: string): number {
    let s = this.compSyms.get(id);
    if (s === undefined) {
      this.compSyms.set(id, (s = this.compNames.length));
      this.compNames.push(id);
    }
    return s;
  }

  terr(rank: number, code: string): number {
    let s = this.terrSyms[rank].get(code);
    if (s === undefined) {
      this.terrSyms[rank].set(code, (s = this.terrNames.length));
      this.terrNames.push(code);
      this.terrRank.push(rank);
    }
    return s;
  }

  /** The facts of an actor (validated by assertActor the first time it is seen). */
  factsOf(a: ScoringActor): ActorFacts {
    let f = this.facts.get(a);
    if (!f) this.facts.set(a, (f = this.derive(a)));
    return f;
  }

  private derive(a: ScoringActor): ActorFacts {
    assertActor(a);
    const U = '\uffff';
    const t = a.territories;
    const offers = normalizeOffers(a.offers);
    const needs = normalizeNeeds(a.needs);
    const loc = [t.commune, t.epci, t.departement, t.region].map((code, r) => (code ? this.terr(r, code) : -1));
    const acts: number[] = [];
    for (const x of t.actsIn ?? []) {
      const r = levelRank(x.level);
      if (r >= 0 && x.code) acts.push(this.terr(r, x.code));
    }
    return {
      actor: a,
      sortKey: `${t.region || U}\u0001${t.departement || U}\u0001${a.id}`,
      offers: offers.map((o) => offerCode(this.comp(o.competenceId), o.level, MOD_INDEX[o.modality])),
      needs: needs.map((x) =>
        needCode(this.comp(x.competenceId), x.priority, x.modality === undefined ? -1 : MOD_INDEX[x.modality]),
      ),
      causes: causesMaskOf(a.causes),
      forms: formsMaskOf(a.allianceForms),
      family: FAMILIES.indexOf(a.family),
      size: sizeOrdinal(a.sizeBand),
      loc,
      acts,
      seen: 0,
      kept: 0,
    };
  }
}

const byKey = (x: ActorFacts, y: ActorFacts) => (x.sortKey < y.sortKey ? -1 : x.sortKey > y.sortKey ? 1 : 0);

/**
 * The facts of `input` in index order. With the previous index's facts (same cache), its order is
 * kept for the actors still there and only the new ones are sorted and merged in: O(N) instead of a
 * string sort of N keys. Falls back to a full sort when an object appears twice (duplicate id error).
 */
export function sortedFacts(
  cache: IndexCache,
  input: readonly ScoringActor[],
  previous?: readonly ActorFacts[],
): ActorFacts[] {
  const stamp = ++cache.builds;
  const facts = input.map((a) => cache.factsOf(a));
  if (!previous) return facts.sort(byKey);
  for (const f of facts) f.seen = stamp;
  const kept = previous.filter((f) => f.seen === stamp);
  for (const f of kept) f.kept = stamp;
  const added = facts.filter((f) => f.kept !== stamp).sort(byKey);
  if (kept.length + added.length !== facts.length) return facts.sort(byKey);
  const out: ActorFacts[] = new Array(facts.length);
  let i = 0;
  let j = 0;
  for (let o = 0; o < out.length; o++)
    out[o] = j >= added.length || (i < kept.length && byKey(kept[i], added[j]) < 0) ? kept[i++] : added[j++];
  return out;
}
