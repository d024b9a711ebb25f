import { FORM_ORDER, type StoredPartnerValues } from '@maillage/alliance-forms';

/**
 * The one list of COMPLEMENTS edge properties (what the writer creates and the readers may read).
 * Keep it lean: 2 M edges at N = 100k. Per partner (row): score = blended (best form's), form = that
 * form, forms = the four form scores in FORM_ORDER (RESOURCES, CO_PRODUCTION, POOLING, POSITIONING)
 * so `partners(form)` ranks by one of them, rank (blended), forward/backward coverages and the
 * RESOURCES contributions (COMPONENT_NAMES order). Per write (stamp): model and profile.
 */
export const EDGE_ROW_PROPERTIES = [
  'score',
  'form',
  'forms',
  'rank',
  'forward',
  'backward',
  'components',
] as const;
export const EDGE_STAMP_PROPERTIES = ['modelVersion', 'profileId', 'profileVersion', 'computedAt'] as const;

/** Cypher map of the edge properties: row ones from `p`, stamp ones from parameters. */
export const EDGE_PROPERTY_MAP = [
  ...EDGE_ROW_PROPERTIES.map((k) => `${k}: p.${k}`),
  ...EDGE_STAMP_PROPERTIES.map((k) => (k === 'computedAt' ? `${k}: datetime($${k})` : `${k}: $${k}`)),
].join(', ');

/** One partner of a stored row, as the edge's properties (see EDGE_ROW_PROPERTIES). */
export type EdgePartner = StoredPartnerValues;

/** Partners stored per form beyond the blended top-K (partners(form) reads at most these). */
export const FORM_K = 10;

export { FORM_ORDER };
