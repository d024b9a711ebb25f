import { Modality } from '@maillage/domain';
import competenceSeed from '../../../graph-seeds/competences.json';

/** One entry of the competence taxonomy (graph-seeds/competences.json). */
export interface CompetenceRow {
  /** Stable dotted kebab-case id, e.g. "finance.accounting"; the parent is the id minus its last segment. */
  id: string;
  parentId: string | null;
  /** French label. */
  label: string;
  description?: string;
  /** Depth in the tree: 1 = domain, 2 = competence, 3 = sub-competence. */
  level: 1 | 2 | 3;
  /** Typical modalities in which the competence is exchanged. */
  modalities: Modality[];
  /** Relative popularity weight (higher = more frequently offered/needed in the field). */
  popularity: number;
  /** Siblings (same parent) that can stand in for this competence: the only sibling credit (symmetric). */
  substitutes: string[];
  /** A need that actors can pool (premises, accounting, rare skills): the POOLING form compares them. */
  poolable: boolean;
  /** A thematic field of action (roots only): CO_PRODUCTION compares the fields actors work in. */
  field: boolean;
  /** Advocacy or representation capacity: POSITIONING counts it. */
  advocacy: boolean;
  /** Given without a like-for-like return (sponsorship, donations): RESOURCES' reciprocity does not punish it. */
  gift: boolean;
}

export interface CompetenceSeed {
  name: string;
  version: string;
  competences: CompetenceRow[];
}

interface RawCompetence {
  id: string;
  parentId: string | null;
  label: string;
  description?: string;
  modalities: string[];
  popularity: number;
  substitutes?: string[];
  poolable?: boolean;
  field?: boolean;
  advocacy?: boolean;
  gift?: boolean;
}

const MODALITIES = new Set<string>(Object.values(Modality));

/** The taxonomy, parents before children, validated (unique ids, known parents and modalities). */
export function loadCompetences(): CompetenceRow[] {
  return competenceSeedFile().competences;
}

export function competenceSeedFile(): CompetenceSeed {
  const raw = competenceSeed as { name: string; version: string; competences: RawCompetence[] };
  const byId = new Map<string, CompetenceRow>();
  for (const entry of raw.competences) {
    if (byId.has(entry.id)) throw new Error(`competences.json: duplicate id ${entry.id}`);
    if (!/^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*){0,2}$/.test(entry.id)) {
      throw new Error(`competences.json: malformed id ${entry.id}`);
    }
    const parent = entry.parentId === null ? null : byId.get(entry.parentId);
    if (entry.parentId !== null && !parent) {
      throw new Error(`competences.json: ${entry.id} has unknown (or later) parent ${entry.parentId}`);
    }
    for (const m of entry.modalities) {
      if (!MODALITIES.has(m)) throw new Error(`competences.json: ${entry.id} has unknown modality ${m}`);
    }
    const level = (parent ? parent.level + 1 : 1) as 1 | 2 | 3;
    byId.set(entry.id, {
      id: entry.id,
      parentId: entry.parentId,
      label: entry.label,
      ...(entry.description ? { description: entry.description } : {}),
      level,
      modalities: entry.modalities as Modality[],
      popularity: entry.popularity,
      substitutes: [...(entry.substitutes ?? [])],
      poolable: entry.poolable === true,
      field: entry.field === true,
      advocacy: entry.advocacy === true,
      gift: entry.gift === true,
    });
  }
  for (const c of byId.values()) {
    if (c.field && c.parentId !== null) throw new Error(`competences.json: ${c.id}: only roots are fields`);
    for (const s of c.substitutes) {
      const other = byId.get(s);
      if (!other || other.parentId !== c.parentId || s === c.id)
        throw new Error(`competences.json: ${c.id}: substitute ${s} must be a known sibling`);
    }
  }
  if ([...byId.values()].filter((c) => c.poolable).length > 31)
    throw new Error('competences.json: at most 31 poolable competences (they are a 31-bit set)');
  return { name: raw.name, version: raw.version, competences: [...byId.values()] };
}
