import { ActorFamily, AllianceForm, Modality } from '@maillage/domain';
import type { ScoringActor, ScoringNeed, ScoringOffer } from './types';

/**
 * Canonical form of an actor: needs deduplicated by competence (highest priority kept) and sorted by
 * competence id; offers deduplicated by (competence, modality) (highest level kept) and sorted; causes
 * and forms deduplicated. Scores depend only on this form, not on the input order.
 */
export interface NormalizedActor {
  readonly source: ScoringActor;
  readonly needs: readonly ScoringNeed[];
  readonly offers: readonly ScoringOffer[];
  /** Sorted SDGs (1..31). */
  readonly causes: readonly number[];
  readonly causesMask: number;
  readonly forms: readonly AllianceForm[];
  readonly formsMask: number;
}

const FORM_ORDER: readonly AllianceForm[] = [
  AllianceForm.POSITIONING,
  AllianceForm.CO_PRODUCTION,
  AllianceForm.POOLING,
  AllianceForm.RESOURCES,
];

export function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function normalizeNeeds(needs: readonly ScoringNeed[]): ScoringNeed[] {
  // competence asc, then the one kept first: highest priority, then smallest modality
  const sorted = [...needs].sort(
    (x, y) =>
      cmpStr(x.competenceId, y.competenceId) ||
      y.priority - x.priority ||
      cmpStr(x.modality ?? '', y.modality ?? ''),
  );
  const out: ScoringNeed[] = [];
  for (const n of sorted)
    if (out.length === 0 || out[out.length - 1].competenceId !== n.competenceId) out.push(n);
  return out;
}

export function normalizeOffers(offers: readonly ScoringOffer[]): ScoringOffer[] {
  // (competence, modality) asc, highest level first, keep the first of each (competence, modality)
  const sorted = [...offers].sort(
    (x, y) => cmpStr(x.competenceId, y.competenceId) || cmpStr(x.modality, y.modality) || y.level - x.level,
  );
  const out: ScoringOffer[] = [];
  for (const o of sorted) {
    const last = out[out.length - 1];
    if (!last || last.competenceId !== o.competenceId || last.modality !== o.modality) out.push(o);
  }
  return out;
}

export function causesMaskOf(causes: readonly number[]): number {
  let m = 0;
  for (const c of causes) if (Number.isInteger(c) && c >= 1 && c <= 31) m |= 1 << (c - 1);
  return m;
}

export function formsMaskOf(forms: readonly AllianceForm[]): number {
  let m = 0;
  for (const f of forms) {
    const i = FORM_ORDER.indexOf(f);
    if (i >= 0) m |= 1 << i;
  }
  return m;
}

export function causesOfMask(mask: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < 31; i++) if (mask & (1 << i)) out.push(i + 1);
  return out;
}

export function formsOfMask(mask: number): AllianceForm[] {
  return FORM_ORDER.filter((_, i) => mask & (1 << i));
}

const MODALITY_SET = new Set<string>(Object.values(Modality));
const FAMILY_SET = new Set<string>(Object.values(ActorFamily));

/** Throws a clear error for data the scoring cannot interpret (unknown modality, level or priority out of 1..3…). */
export function assertActor(a: ScoringActor): void {
  const where = `actor "${a.id}"`;
  if (typeof a.id !== 'string' || a.id === '') throw new Error(`scoring: actor without id`);
  if (!FAMILY_SET.has(a.family)) throw new Error(`scoring: ${where} has unknown family "${a.family}"`);
  for (const o of a.offers) {
    if (!MODALITY_SET.has(o.modality))
      throw new Error(`scoring: ${where} offers "${o.competenceId}" with unknown modality "${o.modality}"`);
    if (o.level !== 1 && o.level !== 2 && o.level !== 3)
      throw new Error(`scoring: ${where} offers "${o.competenceId}" with level ${o.level} (expected 1..3)`);
  }
  for (const x of a.needs) {
    if (x.priority !== 1 && x.priority !== 2 && x.priority !== 3)
      throw new Error(
        `scoring: ${where} needs "${x.competenceId}" with priority ${x.priority} (expected 1..3)`,
      );
    if (x.modality !== undefined && !MODALITY_SET.has(x.modality))
      throw new Error(`scoring: ${where} needs "${x.competenceId}" with unknown modality "${x.modality}"`);
  }
}

export function normalizeActor(a: ScoringActor): NormalizedActor {
  assertActor(a);
  const causesMask = causesMaskOf(a.causes);
  const formsMask = formsMaskOf(a.allianceForms);
  return {
    source: a,
    needs: normalizeNeeds(a.needs),
    offers: normalizeOffers(a.offers),
    causes: causesOfMask(causesMask),
    causesMask,
    forms: formsOfMask(formsMask),
    formsMask,
  };
}
