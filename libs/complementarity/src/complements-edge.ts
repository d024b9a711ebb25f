import { FORM_ORDER, type StoredPartnerValues } from '@maillage/alliance-forms';
import { COMPONENT_COUNT } from '@maillage/scoring';

/**
 * The one layout of a COMPLEMENTS edge (what the writer creates and the readers may read), kept
 * lean because a rebuild writes ~39 edges per actor (3.9 M at N = 100k): `rank` (blended, 1 =
 * best), `form` (the pair's best form) and `v`, one list of floats. Each separate property costs
 * Neo4j a property block and each array a dynamic record: `npm run bench:edge-write` (20k actors ×
 * 39 partners) writes this layout 1.4–1.7× as fast as eleven properties per edge.
 *
 * `v` = [score (blended = best form's), forward, backward, the four form scores in FORM_ORDER
 * (RESOURCES, CO_PRODUCTION, POOLING, POSITIONING), the RESOURCES contributions in COMPONENT_NAMES
 * order]. The stamp (model, profile, computedAt) is the list's, so it lives on the source actor
 * (LIST_STAMP_PROPERTIES): a list is always written whole, in one transaction.
 */
export const EDGE_V = {
  score: 0,
  forward: 1,
  backward: 2,
  forms: 3,
  components: 3 + FORM_ORDER.length,
  length: 3 + FORM_ORDER.length + COMPONENT_COUNT,
} as const;

/** Cypher slices of `v` for a relationship variable (the readers' one source of the offsets). */
export const edgeV = (e: string) => ({
  score: `${e}.v[${EDGE_V.score}]`,
  forward: `${e}.v[${EDGE_V.forward}]`,
  backward: `${e}.v[${EDGE_V.backward}]`,
  forms: `${e}.v[${EDGE_V.forms}..${EDGE_V.components}]`,
  /** one form's score, `slot` being a Cypher expression of its index in FORM_ORDER */
  form: (slot: string) => `${e}.v[${EDGE_V.forms} + ${slot}]`,
  components: `${e}.v[${EDGE_V.components}..${EDGE_V.length}]`,
});

/** Version of this layout: the `seed` command rewrites lists stored in an older one (migrateLayout). */
export const EDGE_LAYOUT_VERSION = '2';

/** The list's stamp on its source actor: which model and profile computed it, and when. */
export const LIST_STAMP_PROPERTIES = {
  modelVersion: 'partnersModelVersion',
  profileId: 'partnersProfileId',
  profileVersion: 'partnersProfileVersion',
  computedAt: 'partnersComputedAt',
} as const;

/** One partner of a stored row, as the writer's parameters (see EDGE_V). */
export interface EdgeParams {
  id: string;
  rank: number;
  form: string;
  v: number[];
}

/** One partner of a stored row, as plain values (what edgeParams packs). */
export type EdgePartner = StoredPartnerValues;

export function edgeParams(p: EdgePartner): EdgeParams {
  if (p.forms.length !== FORM_ORDER.length || p.components.length !== COMPONENT_COUNT) {
    throw new Error(`edge ${p.id}: ${p.forms.length} form scores, ${p.components.length} components`);
  }
  return {
    id: p.id,
    rank: p.rank,
    form: p.form,
    v: [p.score, p.forward, p.backward, ...p.forms, ...p.components],
  };
}

/** Partners stored per form beyond the blended top-K (partners(form) reads at most these). */
export const FORM_K = 10;

export { FORM_ORDER };
