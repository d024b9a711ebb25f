import type { MatchVia } from './types';

export interface CompetenceNode {
  readonly id: string;
  readonly label: string;
  /** Broader competence (SUBCATEGORY_OF target), null/undefined for a root. */
  readonly parentId?: string | null;
  /**
   * Siblings (same parent) declared able to stand in for this one (symmetric: declaring it on one
   * side is enough). Siblings not declared give no credit: "Accès aux entreprises" does not cover a
   * need for "Accès aux publics et bénéficiaires".
   */
  readonly substitutes?: readonly string[] | null;
  /** A need actors can pool (premises, accounting, rare skills): POOLING compares these. */
  readonly poolable?: boolean | null;
  /** A thematic field of action (a root): CO_PRODUCTION compares the fields actors work in. */
  readonly field?: boolean | null;
  /** Advocacy or representation capacity: POSITIONING counts offers of these. */
  readonly advocacy?: boolean | null;
  /** Given without a like-for-like return (sponsorship, donations): see reciprocityOf. */
  readonly gift?: boolean | null;
}

/** Poolable competences form a 31-bit set, fields of action two 31-bit sets (libs/alliance-forms). */
const MAX_POOLABLE = 31;
const MAX_FIELDS = 62;

/**
 * The competence hierarchy used for partial credit. Only direct relations give credit: parent,
 * child, and siblings declared substitutable. Competences unknown to the taxonomy only match exactly.
 * Also carries the per-competence facts the alliance forms read (poolable, field, advocacy).
 */
export class Taxonomy {
  private readonly nodes = new Map<string, CompetenceNode>();
  private readonly children = new Map<string, string[]>();
  private readonly subs = new Map<string, Set<string>>();
  /** Bit of each poolable competence (0..30), in id order. */
  private readonly poolBit = new Map<string, number>();
  /** Index of each field competence (level 2 under a field root, 0..61), in id order. */
  private readonly fieldIdx = new Map<string, number>();
  /** Bit of each root (0..30, index mod 31), in id order. */
  private readonly rootBit = new Map<string, number>();
  private readonly advocacySet = new Set<string>();
  private readonly giftSet = new Set<string>();

  constructor(nodes: Iterable<CompetenceNode>) {
    for (const n of nodes) {
      if (this.nodes.has(n.id)) throw new Error(`Taxonomy: duplicate competence id "${n.id}"`);
      this.nodes.set(n.id, n);
    }
    for (const n of this.nodes.values()) {
      const p = n.parentId ?? null;
      if (p === null) continue;
      if (!this.nodes.has(p)) throw new Error(`Taxonomy: "${n.id}" has unknown parent "${p}"`);
      let list = this.children.get(p);
      if (!list) this.children.set(p, (list = []));
      list.push(n.id);
    }
    for (const list of this.children.values()) list.sort();
    for (const n of this.nodes.values()) {
      // reject cycles: walk up at most |nodes| steps
      let cur: string | null = n.id;
      for (let i = 0; cur !== null; i++) {
        if (i > this.nodes.size) throw new Error(`Taxonomy: cycle through "${n.id}"`);
        cur = this.nodes.get(cur)?.parentId ?? null;
      }
    }
    for (const n of this.nodes.values())
      for (const s of n.substitutes ?? []) {
        const other = this.nodes.get(s);
        if (!other || s === n.id || (other.parentId ?? null) !== (n.parentId ?? null) || n.parentId == null)
          throw new Error(`Taxonomy: "${n.id}" declares "${s}" as substitute, which is not a sibling`);
        link(this.subs, n.id, s);
      }
    const ids = this.ids();
    for (const id of ids) {
      const n = this.nodes.get(id)!;
      if (n.poolable) this.poolBit.set(id, this.poolBit.size);
      if (n.advocacy) this.advocacySet.add(id);
      if (n.gift) this.giftSet.add(id);
      if ((n.parentId ?? null) === null) this.rootBit.set(id, this.rootBit.size % 31);
    }
    if (this.poolBit.size > MAX_POOLABLE)
      throw new Error(`Taxonomy: at most ${MAX_POOLABLE} poolable competences (${this.poolBit.size})`);
    for (const id of ids) {
      const parent = this.nodes.get(id)!.parentId ?? null;
      if (parent !== null && this.nodes.get(parent)!.parentId == null && this.nodes.get(parent)!.field)
        this.fieldIdx.set(id, this.fieldIdx.size);
    }
    if (this.fieldIdx.size > MAX_FIELDS)
      throw new Error(
        `Taxonomy: at most ${MAX_FIELDS} competences under field roots (${this.fieldIdx.size})`,
      );
  }

  static empty(): Taxonomy {
    return new Taxonomy([]);
  }

  get size(): number {
    return this.nodes.size;
  }

  has(id: string): boolean {
    return this.nodes.has(id);
  }

  /** Ids in a stable order (sorted). */
  ids(): string[] {
    return [...this.nodes.keys()].sort();
  }

  label(id: string): string {
    return this.nodes.get(id)?.label ?? id;
  }

  parentOf(id: string): string | null {
    return this.nodes.get(id)?.parentId ?? null;
  }

  childrenOf(id: string): readonly string[] {
    return this.children.get(id) ?? [];
  }

  /** How an offered competence relates to a needed one, or null when it gives no credit. */
  relation(needId: string, offerId: string): MatchVia | null {
    if (needId === offerId) return 'exact';
    const np = this.parentOf(needId);
    const op = this.parentOf(offerId);
    if (op !== null && op === needId) return 'child';
    if (np !== null && np === offerId) return 'parent';
    if (np !== null && np === op && this.subs.get(needId)?.has(offerId)) return 'sibling';
    return null;
  }

  /** The root of a competence (itself for a root, unknown ids included). */
  rootOf(id: string): string {
    let cur = id;
    for (let p = this.parentOf(cur); p !== null; p = this.parentOf(cur)) cur = p;
    return cur;
  }

  /** Bit of the poolable competence a need counts as: itself or its nearest poolable ancestor; 0 if none. */
  poolBitOf(id: string): number {
    for (let cur: string | null = id; cur !== null; cur = this.parentOf(cur)) {
      const b = this.poolBit.get(cur);
      if (b !== undefined) return 1 << b;
    }
    return 0;
  }

  /** Field index (0..61) of a competence: its level-2 ancestor-or-self under a field root; −1 if none. */
  fieldIndexOf(id: string): number {
    for (let cur: string | null = id; cur !== null; cur = this.parentOf(cur)) {
      const f = this.fieldIdx.get(cur);
      if (f !== undefined) return f;
    }
    return -1;
  }

  /** Bit (index mod 31) of the root of a competence; 0 when unknown to the taxonomy. */
  rootBitOf(id: string): number {
    const b = this.rootBit.get(this.rootOf(id));
    return b === undefined ? 0 : 1 << b;
  }

  /** Whether the root of the competence is a declared field of action. */
  isFieldRoot(id: string): boolean {
    return this.nodes.get(this.rootOf(id))?.field === true;
  }

  isAdvocacy(id: string): boolean {
    return this.advocacySet.has(id);
  }

  /** Whether offering the competence is a gift (sponsorship, donation), not an exchange. */
  isGift(id: string): boolean {
    return this.giftSet.has(id);
  }

  /** Competences behind a pool mask, field sets or a root mask (for explanations). */
  poolCompetences(mask: number): string[] {
    return [...this.poolBit].filter(([, b]) => mask & (1 << b)).map(([id]) => id);
  }
  fieldCompetences(lo: number, hi: number): string[] {
    return [...this.fieldIdx]
      .filter(([, i]) => (i < 31 ? lo & (1 << i) : hi & (1 << (i - 31))))
      .map(([id]) => id);
  }
  rootCompetences(mask: number): string[] {
    return [...this.rootBit].filter(([, b]) => mask & (1 << b)).map(([id]) => id);
  }
}

function link(map: Map<string, Set<string>>, a: string, b: string): void {
  let s = map.get(a);
  if (!s) map.set(a, (s = new Set()));
  s.add(b);
  let t = map.get(b);
  if (!t) map.set(b, (t = new Set()));
  t.add(a);
}
