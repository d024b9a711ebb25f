/**
 * Learning component weights from outcomes (pure, deterministic). Each met pair is a sample: x = the
 * RESOURCES form's component values as they enter the score (complementarity; causes, proximity,
 * crossFamily, allianceForms, trust times the gate), so score = weights · x exactly; y = 1 when the
 * pair reached an agreement. A logistic regression with an L2 penalty and non-negative coefficients
 * (weights must stay ≥ 0) is fitted by projected gradient descent from a fixed start, on a fixed
 * split (a hash of the pair, not a random draw), then checked on the held-out pairs: AUC and recall
 * of the agreed pairs, with the current weights and with the fitted ones.
 */
import { fnv1a } from '@maillage/domain';

export const WEIGHT_KEYS = [
  'complementarity',
  'causes',
  'proximity',
  'crossFamily',
  'allianceForms',
  'trust',
] as const;
export type WeightKey = (typeof WEIGHT_KEYS)[number];
export type Weights = Record<WeightKey, number>;

export interface OutcomeSample {
  /** Stable key of the pair (e.g. "idA|idB", smaller id first): decides the split. */
  readonly key: string;
  readonly x: readonly number[];
  readonly agreed: boolean;
}

/** Minimum agreed and non-agreed pairs (each) to fit anything. */
export const MIN_PER_CLASS = 8;
/** Share of pairs held out for the check (by hash). */
export const HOLD_OUT_EVERY = 4;

export interface FitOptions {
  readonly l2?: number;
  readonly iterations?: number;
  readonly learningRate?: number;
}

export interface FitResult {
  readonly intercept: number;
  readonly coefficients: readonly number[];
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** L2-regularised logistic regression with coefficients ≥ 0 (projected gradient descent). */
export function fitLogistic(samples: readonly OutcomeSample[], options: FitOptions = {}): FitResult {
  const l2 = options.l2 ?? 0.01;
  const iterations = options.iterations ?? 4000;
  const lr = options.learningRate ?? 0.5;
  const d = samples[0]?.x.length ?? 0;
  const w = new Array<number>(d).fill(0);
  let b = 0;
  const n = samples.length;
  for (let it = 0; it < iterations; it++) {
    const gw = new Array<number>(d).fill(0);
    let gb = 0;
    for (const s of samples) {
      let z = b;
      for (let j = 0; j < d; j++) z += w[j] * s.x[j];
      const err = sigmoid(z) - (s.agreed ? 1 : 0);
      gb += err;
      for (let j = 0; j < d; j++) gw[j] += err * s.x[j];
    }
    b -= (lr * gb) / n;
    for (let j = 0; j < d; j++) w[j] = Math.max(0, w[j] - lr * (gw[j] / n + l2 * w[j]));
  }
  return { intercept: b, coefficients: w };
}

/** Area under the ROC curve (ties count half); 0.5 when a class is missing. */
export function auc(scores: readonly number[], labels: readonly boolean[]): number {
  const pos: number[] = [];
  const neg: number[] = [];
  scores.forEach((s, i) => (labels[i] ? pos : neg).push(s));
  if (pos.length === 0 || neg.length === 0) return 0.5;
  let wins = 0;
  for (const p of pos) for (const q of neg) wins += p > q ? 1 : p === q ? 0.5 : 0;
  return wins / (pos.length * neg.length);
}

/** Share of agreed pairs ranked among the first |agreed| pairs (ties broken by key). */
export function recallOfAgreed(scores: readonly number[], samples: readonly OutcomeSample[]): number {
  const agreed = samples.filter((s) => s.agreed).length;
  if (agreed === 0) return 0;
  const order = samples
    .map((s, i) => ({ s, score: scores[i] }))
    .sort((x, y) => y.score - x.score || (x.s.key < y.s.key ? -1 : x.s.key > y.s.key ? 1 : 0));
  return order.slice(0, agreed).filter((o) => o.s.agreed).length / agreed;
}

export const isHeldOut = (key: string) => fnv1a(key) % HOLD_OUT_EVERY === 0;

export interface WeightChange {
  readonly key: WeightKey;
  readonly before: number;
  readonly after: number;
  readonly explanation: string;
}

export interface Suggestion {
  readonly weights: Weights;
  readonly changes: readonly WeightChange[];
  readonly train: number;
  readonly heldOut: number;
  readonly aucBefore: number;
  readonly aucAfter: number;
  readonly recallBefore: number;
  readonly recallAfter: number;
  readonly summary: string;
}

export type SuggestOutcome =
  | { readonly ok: true; readonly suggestion: Suggestion }
  | {
      readonly ok: false;
      readonly reason: 'not_enough_outcomes';
      readonly agreed: number;
      readonly other: number;
      readonly needed: number;
    };

const LABELS_FR: Record<WeightKey, string> = {
  complementarity: 'la complémentarité réciproque',
  causes: 'les causes communes',
  proximity: 'la proximité territoriale',
  crossFamily: 'les mondes différents',
  allianceForms: 'les formes d’alliance recherchées',
  trust: 'les partenaires communs',
};
const fr = (x: number) => x.toLocaleString('fr-FR', { maximumFractionDigits: 3 });

/**
 * Fitted weights, scaled to the current weights' total (scores keep their scale), with the held-out
 * check; or `not_enough_outcomes` when fewer than MIN_PER_CLASS agreed or other pairs are known.
 */
export function suggestWeights(
  current: Weights,
  samples: readonly OutcomeSample[],
  options: FitOptions = {},
): SuggestOutcome {
  const agreed = samples.filter((s) => s.agreed).length;
  const other = samples.length - agreed;
  if (agreed < MIN_PER_CLASS || other < MIN_PER_CLASS)
    return { ok: false, reason: 'not_enough_outcomes', agreed, other, needed: MIN_PER_CLASS };
  const sorted = [...samples].sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  const test = sorted.filter((s) => isHeldOut(s.key));
  const train = sorted.filter((s) => !isHeldOut(s.key));
  const fit = fitLogistic(train, options);
  const total = WEIGHT_KEYS.reduce((s, k) => s + current[k], 0);
  const sum = fit.coefficients.reduce((s, c) => s + c, 0);
  const after = Object.fromEntries(
    WEIGHT_KEYS.map((k, j) => [
      k,
      sum > 0 ? Math.round((fit.coefficients[j] / sum) * total * 1e4) / 1e4 : current[k],
    ]),
  ) as Weights;
  if (after.complementarity <= 0) after.complementarity = 0.0001; // profiles require it > 0
  const scoreWith = (w: Weights) =>
    test.map((s) => WEIGHT_KEYS.reduce((acc, k, j) => acc + w[k] * s.x[j], 0));
  const labels = test.map((s) => s.agreed);
  const aucBefore = auc(scoreWith(current), labels);
  const aucAfter = auc(scoreWith(after), labels);
  const recallBefore = recallOfAgreed(scoreWith(current), test);
  const recallAfter = recallOfAgreed(scoreWith(after), test);
  const changes = WEIGHT_KEYS.map((k, j): WeightChange => {
    const mean = (yes: boolean) => {
      const xs = train.filter((s) => s.agreed === yes).map((s) => s.x[j]);
      return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
    };
    const [my, mn] = [mean(true), mean(false)];
    const dir = after[k] > current[k] ? 'augmente' : after[k] < current[k] ? 'baisse' : 'reste';
    const why =
      my > mn
        ? `les paires qui ont abouti à un accord y sont plus fortes (${fr(my)} contre ${fr(mn)})`
        : my < mn
          ? `les paires sans accord y sont plus fortes (${fr(mn)} contre ${fr(my)} pour les accords)`
          : 'il ne distingue pas les accords des autres paires';
    return {
      key: k,
      before: current[k],
      after: after[k],
      explanation: `Le poids de ${LABELS_FR[k]} ${dir} (${fr(current[k])} → ${fr(after[k])}) : ${why}.`,
    };
  });
  const better = aucAfter > aucBefore;
  const summary =
    `Ajusté sur ${train.length} paires rencontrées (${agreed} accords au total), vérifié sur ${test.length} paires mises de côté : ` +
    `AUC ${fr(aucBefore)} → ${fr(aucAfter)}, part des accords en tête ${fr(recallBefore)} → ${fr(recallAfter)}. ` +
    (better
      ? 'Le profil proposé classe mieux les paires qui ont abouti.'
      : 'Le profil proposé ne classe pas mieux les paires mises de côté : à n’adopter qu’avec prudence.');
  return {
    ok: true,
    suggestion: {
      weights: after,
      changes,
      train: train.length,
      heldOut: test.length,
      aucBefore,
      aucAfter,
      recallBefore,
      recallAfter,
      summary,
    },
  };
}
