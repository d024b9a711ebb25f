import type { MatchVia } from './types';

export interface CompetenceNode {
  readonly id: string;
  readonly label: string;
  /** Broader competence (SUBCATEGORY_OF target), null/undefined for a root. */
  readonly parentId?: string | null;
}

/**
 * The competence hierarchy used for partial credit. Only direct relations give credit: parent,
 * child and sibling (same parent). Competences unknown to the taxonomy only match exactly.
 */
export class Taxonomy {
  private readonly nodes = new Map<string, CompetenceNode>();
  private readonly children = new Map<string, string[]>();

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
    if (np !== null && np === op) return 'sibling';
    return null;
  }
}
