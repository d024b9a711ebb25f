/**
 * The partners stored for one actor: the blended top-k (each pair ranked by its best form) ∪ the top
 * `formK` of each form. RESOURCES candidates come from candidate-search's exact top-K (with their
 * coverages and contributions), the three other forms' from FormSearcher; every candidate gets its
 * four exact form scores. Pure: the same rows whether a scoring thread or the caller computes them.
 */
import type { AllianceForm } from '@maillage/domain';
import { COMPONENT_COUNT } from '@maillage/scoring';
import { FORM_COUNT, FORM_ORDER } from './forms';
import type { FormSearcher } from './form-search';

/** A RESOURCES partner from the candidate search: coverages and the 8 contributions. */
export interface ResourcesPartner {
  readonly idx: number;
  readonly forward: number;
  readonly backward: number;
  readonly components: ArrayLike<number>;
}

export interface StoredPartner {
  readonly idx: number;
  /** The four form scores (FORM_ORDER) and the best one's index (ties: first). */
  readonly scores: readonly number[];
  readonly best: number;
  readonly forward: number;
  readonly backward: number;
  readonly components: readonly number[];
}

/** Most partners a stored row can hold (blended top-k ∪ top formK of each form). */
export function storedRowCapacity(k: number, formK: number): number {
  return k + FORM_COUNT * formK;
}

/** The stored row of actor `a`, best blended score first (ties: lower index). */
export function storedRow(
  forms: FormSearcher,
  a: number,
  resources: readonly ResourcesPartner[],
  k: number,
  formK: number,
): StoredPartner[] {
  const cands = new Map<number, ResourcesPartner | null>(resources.map((r) => [r.idx, r]));
  for (const list of forms.searchForms(a, k))
    for (const p of list) if (!cands.has(p.idx)) cands.set(p.idx, null);
  const four = new Float64Array(FORM_COUNT);
  const scored: StoredPartner[] = [...cands].map(([b, r]) => {
    const pair = forms.scorePair(a, b, four);
    if (r) {
      return {
        idx: b,
        scores: pair.scores,
        best: pair.best,
        forward: r.forward,
        backward: r.backward,
        components: Array.from(r.components),
      };
    }
    // not in the RESOURCES list: its coverages and contributions from the kernel
    forms.kernel.score(a, b);
    return {
      idx: b,
      scores: pair.scores,
      best: pair.best,
      forward: forms.kernel.forward,
      backward: forms.kernel.backward,
      components: Array.from(forms.kernel.contrib.subarray(0, COMPONENT_COUNT)),
    };
  });
  const keep = new Set<number>();
  const byBlended = [...scored].sort((x, y) => y.scores[y.best] - x.scores[x.best] || x.idx - y.idx);
  for (const x of byBlended.slice(0, k)) if (x.scores[x.best] > 0) keep.add(x.idx);
  for (let f = 0; f < FORM_COUNT; f++) {
    const byForm = [...scored].sort((x, y) => y.scores[f] - x.scores[f] || x.idx - y.idx);
    for (const x of byForm.slice(0, formK)) if (x.scores[f] > 0) keep.add(x.idx);
  }
  return byBlended.filter((x) => keep.has(x.idx));
}

/** Slack for stored scores' rounding (6 decimals): a tie counts as entering. */
const ROUNDING = 1e-6;

/**
 * Whether a pair (its scores are symmetric) enters its partner's stored row: the blended score
 * reaches the row's k-th, or one form's score that form's formK-th (or the row has room). `row`:
 * the blended and the four form scores of each stored edge (undefined: nothing stored).
 */
export function entersStoredRow(
  pair: { readonly score: number; readonly forms: readonly number[] },
  row: { scores: readonly number[]; forms: readonly (readonly number[])[] } | undefined,
  k: number,
  formK: number,
): boolean {
  const kth = (values: readonly number[], n: number) => {
    const positive = values.filter((v) => v > 0).sort((x, y) => y - x);
    return positive.length < n ? 0 : positive[n - 1];
  };
  const enters = (v: number, stored: readonly number[], n: number) => v > 0 && v >= kth(stored, n) - ROUNDING;
  if (enters(pair.score, row?.scores ?? [], k)) return true;
  const forms = row?.forms ?? [];
  return pair.forms.some((v, f) =>
    enters(
      v,
      forms.map((x) => x[f] ?? 0),
      formK,
    ),
  );
}

/** A stored partner as plain values (what a COMPLEMENTS edge keeps): its id and rank, values rounded. */
export interface StoredPartnerValues {
  id: string;
  score: number;
  form: AllianceForm;
  forms: number[];
  /** 1 = best blended score. */
  rank: number;
  forward: number;
  backward: number;
  components: number[];
}

/** Rounded so stored edges (and their JSON) stay small and deterministic across runs. */
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** A stored row as plain values, `ids` giving each index's actor id. */
export function storedPartnerValues(
  ids: readonly string[],
  row: readonly StoredPartner[],
): StoredPartnerValues[] {
  return row.map((x, i) => ({
    id: ids[x.idx],
    score: round6(x.scores[x.best]),
    form: FORM_ORDER[x.best],
    forms: x.scores.map(round6),
    rank: i + 1,
    forward: round6(x.forward),
    backward: round6(x.backward),
    components: x.components.map(round6),
  }));
}
