export interface PairContextInput {
  /** Existing alliances (ALLIED_WITH), undirected. */
  readonly alliances?: Iterable<readonly [string, string]>;
  /** Pairs that already met at an event (speed meeting), undirected. */
  readonly metBefore?: Iterable<readonly [string, string]>;
  /** Network memberships (MEMBER_OF): [member, network head]. */
  readonly memberships?: Iterable<readonly [string, string]>;
}

/**
 * What is known about pairs: alliances (→ excluded or penalised; common partners = two-hop trust
 * signal) and past meetings (→ novelty penalty). Undirected.
 */
export class PairContext {
  private readonly allies = new Map<string, Set<string>>();
  private readonly met = new Map<string, Set<string>>();
  private readonly heads = new Map<string, Set<string>>();

  constructor(input: PairContextInput = {}) {
    for (const [a, b] of input.alliances ?? []) link(this.allies, a, b);
    for (const [a, b] of input.metBefore ?? []) link(this.met, a, b);
    for (const [member, head] of input.memberships ?? [])
      if (member !== head) addTo(this.heads, member, head);
  }

  /** Network tie: 1 when one is a member of the other, 0.5 when both belong to the same network head. */
  networkTie(a: string, b: string): number {
    const ha = this.heads.get(a);
    const hb = this.heads.get(b);
    if (ha?.has(b) || hb?.has(a)) return 1;
    if (!ha || !hb) return 0;
    for (const h of ha) if (hb.has(h)) return 0.5;
    return 0;
  }

  /** Network heads an actor is a member of (sorted). */
  headsOf(id: string): string[] {
    return [...(this.heads.get(id) ?? [])].sort();
  }

  /** The actors with an alliance, a past meeting or a network head (a pass need not ask all). */
  idsWith(relation: 'allies' | 'met' | 'heads'): IterableIterator<string> {
    return (relation === 'allies' ? this.allies : relation === 'met' ? this.met : this.heads).keys();
  }

  static empty(): PairContext {
    return new PairContext();
  }

  isAllied(a: string, b: string): boolean {
    return this.allies.get(a)?.has(b) ?? false;
  }

  hasMet(a: string, b: string): boolean {
    return this.met.get(a)?.has(b) ?? false;
  }

  /** Number of actors allied with both a and b. */
  commonPartners(a: string, b: string): number {
    const sa = this.allies.get(a);
    const sb = this.allies.get(b);
    if (!sa || !sb) return 0;
    const [small, large] = sa.size <= sb.size ? [sa, sb] : [sb, sa];
    let n = 0;
    for (const x of small) if (x !== a && x !== b && large.has(x)) n++;
    return n;
  }

  /** Ids of every actor with at least one alliance (sorted). */
  allianceMembers(): string[] {
    return [...this.allies.keys()].sort();
  }

  alliesOf(id: string): ReadonlySet<string> {
    return this.allies.get(id) ?? EMPTY;
  }

  metOf(id: string): ReadonlySet<string> {
    return this.met.get(id) ?? EMPTY;
  }
}

const EMPTY: ReadonlySet<string> = new Set();

function link(map: Map<string, Set<string>>, a: string, b: string): void {
  if (a === b) return;
  addTo(map, a, b);
  addTo(map, b, a);
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  const s = map.get(key);
  if (s) s.add(value);
  else map.set(key, new Set([value]));
}
