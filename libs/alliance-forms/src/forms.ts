/**
 * The four alliance forms of the field's typology, each with its own additive, exact score:
 * - RESOURCES: need↔offer coverage both ways (funding, in-kind, skills sponsorship) — the historic
 *   complementarity score (`assemble`, bit-identical to the candidate-search kernel);
 * - CO_PRODUCTION: a joint action — shared causes and fields of action, complementary capabilities,
 *   each bringing what the other's action needs, ties of a common network (a movement's members);
 * - POOLING: the same poolable needs (premises, accounting, rare skills), near each other;
 * - POSITIONING: joint advocacy — shared causes, advocacy or representation capacity, network ties.
 * Every form = Σ core components (weight × value) + Σ context components (weight × value × gate),
 * gate = min(1, driver / gateAt), then the allied / met-before penalties. The blended score of a pair
 * is its best form's score (ties: FORM_ORDER), so the default list says which form each proposal is for.
 * Per-actor facts are computed once (formTraitsOf, 32-bit masks) so a kernel can score forms cheaply.
 */
import { ActorKind, AllianceForm } from '@maillage/domain';
import { ALLIED_EXCLUDE, ALLIED_PENALISE, gateOf, popcount } from '@maillage/scoring';
import type { NormalizedActor } from '@maillage/scoring';
import type { ScoringProfile } from '@maillage/scoring';
import type { Taxonomy } from '@maillage/scoring';

/** Order of forms in every per-form array (stored edges, kernels, explanations). */
export const FORM_ORDER: readonly AllianceForm[] = [
  AllianceForm.RESOURCES,
  AllianceForm.CO_PRODUCTION,
  AllianceForm.POOLING,
  AllianceForm.POSITIONING,
];
export const FORM_COUNT = 4;

export function formIndex(form: AllianceForm): number {
  return FORM_ORDER.indexOf(form);
}

export type FormComponentName =
  | 'complementarity'
  | 'causes'
  | 'proximity'
  | 'crossFamily'
  | 'allianceForms'
  | 'trust'
  | 'fields'
  | 'capabilities'
  | 'exchange'
  | 'sharedNeeds'
  | 'advocacy'
  | 'network'
  | 'sought'
  | 'alliedPenalty'
  | 'metBeforePenalty';

/** Components of each form, in order; the first `core` ones are not gated. Penalties follow. */
export const FORM_LAYOUT: Readonly<
  Record<AllianceForm, { readonly names: readonly FormComponentName[]; readonly core: number }>
> = {
  [AllianceForm.RESOURCES]: {
    names: ['complementarity', 'causes', 'proximity', 'crossFamily', 'allianceForms', 'trust'],
    core: 1,
  },
  [AllianceForm.CO_PRODUCTION]: {
    names: ['causes', 'fields', 'capabilities', 'exchange', 'network', 'proximity', 'crossFamily', 'sought'],
    core: 2,
  },
  [AllianceForm.POOLING]: { names: ['sharedNeeds', 'proximity', 'causes', 'fields', 'sought'], core: 1 },
  [AllianceForm.POSITIONING]: {
    names: ['causes', 'advocacy', 'network', 'fields', 'proximity', 'sought'],
    core: 1,
  },
};
/** Longest component list of a form, penalties included (size of a contributions buffer). */
export const MAX_FORM_COMPONENTS = 10;

/** What the form scores need to know about one actor, as 32-bit masks and numbers. */
export interface FormTraits {
  readonly causes: number;
  /** Fields of action (level-2 competences under a field root) of its offers and needs: bits 0..30, 31..61. */
  readonly fieldLo: number;
  readonly fieldHi: number;
  /** Field roots of its offers and needs. */
  readonly fieldRoots: number;
  /** Roots of its offers (what kinds of capability it brings). */
  readonly offerRoots: number;
  /** Poolable needs (nearest poolable ancestor-or-self of each need). */
  readonly pool: number;
  /** Number of needs (poolable or not). */
  readonly needCount: number;
  /** Advocacy or representation capacity 0..1: best advocacy offer level / 3; a network head is 1. */
  readonly representation: number;
  /** Alliance forms sought (FORM_ORDER bits, not the normalize mask order). */
  readonly sought: number;
}

export function formTraitsOf(na: NormalizedActor, taxonomy: Taxonomy): FormTraits {
  let fieldLo = 0;
  let fieldHi = 0;
  let fieldRoots = 0;
  let offerRoots = 0;
  let pool = 0;
  let representation = na.source.kind === ActorKind.NETWORK_HEAD ? 1 : 0;
  const addField = (id: string) => {
    const f = taxonomy.fieldIndexOf(id);
    if (f >= 0 && f < 31) fieldLo |= 1 << f;
    else if (f >= 31) fieldHi |= 1 << (f - 31);
    if (taxonomy.isFieldRoot(id)) fieldRoots |= taxonomy.rootBitOf(id);
  };
  for (const o of na.offers) {
    addField(o.competenceId);
    offerRoots |= taxonomy.rootBitOf(o.competenceId);
    if (taxonomy.isAdvocacy(o.competenceId) && o.level / 3 > representation) representation = o.level / 3;
  }
  for (const n of na.needs) {
    addField(n.competenceId);
    pool |= taxonomy.poolBitOf(n.competenceId);
  }
  let sought = 0;
  for (const f of na.forms) sought |= 1 << formIndex(f);
  return {
    causes: na.causesMask,
    fieldLo,
    fieldHi,
    fieldRoots,
    offerRoots,
    pool,
    needCount: na.needs.length,
    representation,
    sought,
  };
}

/**
 * Shared fields of action: cosine of the level-2 field sets (|A∩B| / √(|A|·|B|): an actor with one
 * field does not match everyone working in it as fully as a peer with the same fields); else half the
 * cosine of the field roots.
 */
export function fieldsValue(a: FormTraits, b: FormTraits): number {
  const inter = popcount(a.fieldLo & b.fieldLo) + popcount(a.fieldHi & b.fieldHi);
  if (inter > 0) {
    const na = popcount(a.fieldLo) + popcount(a.fieldHi);
    const nb = popcount(b.fieldLo) + popcount(b.fieldHi);
    return inter / Math.sqrt(na * nb);
  }
  const r = popcount(a.fieldRoots & b.fieldRoots);
  if (r === 0) return 0;
  return (0.5 * r) / Math.sqrt(popcount(a.fieldRoots) * popcount(b.fieldRoots));
}

/** Complementary capabilities: √(share of a's offer roots b lacks × share of b's that a lacks). */
export function capabilitiesValue(a: FormTraits, b: FormTraits): number {
  const na = popcount(a.offerRoots);
  const nb = popcount(b.offerRoots);
  if (na === 0 || nb === 0) return 0;
  const ua = popcount(a.offerRoots & ~b.offerRoots) / na;
  const ub = popcount(b.offerRoots & ~a.offerRoots) / nb;
  return Math.sqrt(ua * ub);
}

/**
 * Shared poolable needs, as a share of everything the two need: |poolable A ∩ poolable B| /
 * √(|needs A| · |needs B|). One shared need out of many is a weak reason to pool; the same premises,
 * accounting and payroll needs are a strong one.
 */
export function sharedNeedsValue(a: FormTraits, b: FormTraits): number {
  const inter = popcount(a.pool & b.pool);
  if (inter === 0) return 0;
  const v = inter / Math.sqrt(a.needCount * b.needCount);
  return v < 1 ? v : 1;
}

/**
 * Advocacy capacity of the pair: the weaker of both representations. A joint voice needs both to
 * carry one; a network head and an actor that represents no one (a company sharing its causes) are
 * not a joint advocacy pair for that reason alone (their membership counts in `network`).
 */
export function advocacyValue(a: FormTraits, b: FormTraits): number {
  return a.representation < b.representation ? a.representation : b.representation;
}

/** Share of the two actors that seek this form (0, 0.5, 1). */
export function soughtValue(a: FormTraits, b: FormTraits, form: number): number {
  const bit = 1 << form;
  return ((a.sought & bit) !== 0 ? 0.5 : 0) + ((b.sought & bit) !== 0 ? 0.5 : 0);
}

/** Pair facts shared by every form (the RESOURCES inputs plus what the other forms read). */
export interface FormInputs {
  reciprocity: number;
  causes: number;
  proximity: number;
  crossFamily: number;
  /** RESOURCES' alliance-forms overlap (formsCompatibility). */
  allianceForms: number;
  trust: number;
  fields: number;
  capabilities: number;
  sharedNeeds: number;
  advocacy: number;
  /** 1 = one is MEMBER_OF the other, 0.5 = members of the same network head, else 0. */
  network: number;
  /** soughtValue per form (FORM_ORDER). */
  sought: [number, number, number, number];
}

export function emptyFormInputs(): FormInputs {
  return {
    reciprocity: 0,
    causes: 0,
    proximity: 0,
    crossFamily: 0,
    allianceForms: 0,
    trust: 0,
    fields: 0,
    capabilities: 0,
    sharedNeeds: 0,
    advocacy: 0,
    network: 0,
    sought: [0, 0, 0, 0],
  };
}

/** Fills the mask-based inputs (fields … sought) from two actors' traits. */
export function fillTraitInputs(x: FormInputs, a: FormTraits, b: FormTraits): FormInputs {
  x.fields = fieldsValue(a, b);
  x.capabilities = capabilitiesValue(a, b);
  x.sharedNeeds = sharedNeedsValue(a, b);
  x.advocacy = advocacyValue(a, b);
  for (let f = 0; f < FORM_COUNT; f++) x.sought[f] = soughtValue(a, b, f);
  return x;
}

/** What drives a form's gate, and the gate's threshold. */
export function gateDriver(
  form: AllianceForm,
  x: FormInputs,
  p: ScoringProfile,
): { value: number; at: number } {
  switch (form) {
    case AllianceForm.RESOURCES:
      return { value: x.reciprocity, at: p.reciprocity.gateAt };
    case AllianceForm.CO_PRODUCTION:
      return { value: x.causes < x.fields ? x.causes : x.fields, at: p.forms.coProduction.gateAt };
    case AllianceForm.POOLING:
      return { value: x.sharedNeeds, at: p.forms.pooling.gateAt };
    case AllianceForm.POSITIONING:
      return { value: x.causes, at: p.forms.positioning.gateAt };
  }
}

/** Values and weights of a form's positive components, in FORM_LAYOUT order. */
export function formTerms(
  form: AllianceForm,
  x: FormInputs,
  p: ScoringProfile,
): { v: number[]; w: number[] } {
  switch (form) {
    case AllianceForm.RESOURCES: {
      const w = p.weights;
      return {
        v: [x.reciprocity, x.causes, x.proximity, x.crossFamily, x.allianceForms, x.trust],
        w: [w.complementarity, w.causes, w.proximity, w.crossFamily, w.allianceForms, w.trust],
      };
    }
    case AllianceForm.CO_PRODUCTION: {
      const w = p.forms.coProduction;
      return {
        v: [
          x.causes,
          x.fields,
          x.capabilities,
          x.reciprocity,
          x.network,
          x.proximity,
          x.crossFamily,
          x.sought[1],
        ],
        w: [w.causes, w.fields, w.capabilities, w.exchange, w.network, w.proximity, w.crossFamily, w.sought],
      };
    }
    case AllianceForm.POOLING: {
      const w = p.forms.pooling;
      return {
        v: [x.sharedNeeds, x.proximity, x.causes, x.fields, x.sought[2]],
        w: [w.sharedNeeds, w.proximity, w.causes, w.fields, w.sought],
      };
    }
    case AllianceForm.POSITIONING: {
      const w = p.forms.positioning;
      return {
        v: [x.causes, x.advocacy, x.network, x.fields, x.proximity, x.sought[3]],
        w: [w.causes, w.advocacy, w.network, w.fields, w.proximity, w.sought],
      };
    }
  }
}

/**
 * One form's score; writes its contributions (FORM_LAYOUT order, then allied and met-before
 * penalties) into `out` and returns their sum. Core terms are weight × value, context terms
 * weight × value × gate, in that order of operations, so a reader recomputes them exactly. For
 * RESOURCES this is `assemble`'s arithmetic (same order of operations).
 */
export function assembleForm(
  form: AllianceForm,
  p: ScoringProfile,
  x: FormInputs,
  alliedMode: number,
  met: boolean,
  out: Float64Array | number[],
): number {
  const { v, w } = formTerms(form, x, p);
  const core = FORM_LAYOUT[form].core;
  const d = gateDriver(form, x, p);
  const gate = gateOf(d.value, d.at);
  let base = 0;
  const n = v.length;
  for (let i = 0; i < n; i++) {
    const c = i < core ? w[i] * v[i] : w[i] * v[i] * gate;
    out[i] = c;
    base += c;
  }
  const allied =
    alliedMode === ALLIED_EXCLUDE ? -base : alliedMode === ALLIED_PENALISE ? -(base * p.penalties.allied) : 0;
  const afterAllied = base + allied;
  const metC = met ? -(afterAllied * p.penalties.metBefore) : 0;
  out[n] = allied;
  out[n + 1] = metC;
  return afterAllied + metC;
}

/** The gate of a form for these inputs. */
export function formGate(form: AllianceForm, x: FormInputs, p: ScoringProfile): number {
  const d = gateDriver(form, x, p);
  return gateOf(d.value, d.at);
}

/** Scores of the four forms (FORM_ORDER) into `scores`; returns the index of the best (ties: first). */
export function scoreAllForms(
  p: ScoringProfile,
  x: FormInputs,
  alliedMode: number,
  met: boolean,
  scores: Float64Array | number[],
  scratch: Float64Array | number[],
): number {
  let best = 0;
  for (let f = 0; f < FORM_COUNT; f++) {
    const s = assembleForm(FORM_ORDER[f], p, x, alliedMode, met, scratch);
    scores[f] = s;
    if (s > scores[best]) best = f;
  }
  return best;
}
