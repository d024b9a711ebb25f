/**
 * scoreAlliance: a pair scored for each alliance form, with components that add up exactly and
 * plain-French explanations (people read them), plus the blended score (the best form's).
 */
import { AllianceForm } from '@maillage/domain';
import { ALLIED_EXCLUDE, ALLIED_NONE, ALLIED_PENALISE, gateOf } from '@maillage/scoring';
import {
  FORM_LAYOUT,
  FORM_ORDER,
  FormComponentName,
  FormInputs,
  FormTraits,
  assembleForm,
  emptyFormInputs,
  fillTraitInputs,
  formTerms,
  formTraitsOf,
  gateDriver,
} from './forms';
import { NormalizedActor, causesOfMask, normalizeActor } from '@maillage/scoring';
import { DEFAULT_PROFILE, ScoringProfile } from '@maillage/scoring';
import { ScoringContext, ensureValidProfile, scoreNormalized } from '@maillage/scoring';
import type { PairScore, ScoringActor } from '@maillage/scoring';

export interface FormComponent {
  readonly name: FormComponentName;
  readonly value: number;
  readonly weight: number;
  /** The form's gate for context components (contribution = weight × value × gate); null otherwise. */
  readonly gate: number | null;
  readonly contribution: number;
  /** French sentence: how the component reaches its contribution, and why when it is gated. */
  readonly explanation: string;
}

export interface FormScore {
  readonly form: AllianceForm;
  readonly score: number;
  /** 0..1 factor applied to the form's context components: min(1, gateDriver / gateAt). */
  readonly gate: number;
  readonly gateDriver: number;
  readonly gateAt: number;
  /** French sentence explaining the gate. */
  readonly gateExplanation: string;
  readonly components: readonly FormComponent[];
  /** Plain-French reason to ally in this form. */
  readonly summary: string;
  /** Competence ids behind the form's reason (shared fields, shared poolable needs, advocacy offers). */
  readonly evidence: readonly string[];
}

export interface AllianceScore {
  readonly pair: PairScore;
  /** One entry per form, FORM_ORDER. */
  readonly forms: readonly FormScore[];
  /** Form the pair is proposed for (highest score; ties: FORM_ORDER). */
  readonly best: AllianceForm;
  /** The best form's score: the blended score of the default list. */
  readonly score: number;
  readonly summary: string;
}

export const FORM_LABELS_FR: Record<AllianceForm, string> = {
  [AllianceForm.RESOURCES]: 'alliance de ressources',
  [AllianceForm.CO_PRODUCTION]: 'coproduction',
  [AllianceForm.POOLING]: 'mutualisation de moyens',
  [AllianceForm.POSITIONING]: 'alliance de positionnement',
};

const COMPONENT_LABELS_FR: Record<FormComponentName, string> = {
  complementarity:
    'Complémentarité réciproque (besoins couverts dans les deux sens ; un don compte une contrepartie implicite)',
  causes: 'Causes communes (ODD)',
  proximity: 'Proximité territoriale',
  crossFamily: 'Mondes différents (pair, public, privé, académique)',
  allianceForms: "Formes d'alliance recherchées en commun",
  trust: 'Partenaires communs (confiance)',
  fields: "Champs d'action communs",
  capabilities: 'Capacités complémentaires',
  exchange: 'Échange de besoins et d’offres',
  sharedNeeds: 'Besoins mutualisables communs',
  advocacy: 'Capacité de plaidoyer ou de représentation',
  network: 'Lien de réseau (adhésion, même tête de réseau)',
  sought: 'Forme recherchée par les acteurs',
  alliedPenalty: 'Déjà alliés',
  metBeforePenalty: 'Déjà rencontrés lors d’un événement',
};

const DRIVER_LABELS_FR: Record<AllianceForm, string> = {
  [AllianceForm.RESOURCES]: 'la complémentarité réciproque',
  [AllianceForm.CO_PRODUCTION]: 'le plus faible des deux entre causes communes et champs d’action communs',
  [AllianceForm.POOLING]: 'la part de besoins mutualisables communs',
  [AllianceForm.POSITIONING]: 'la part de causes communes',
};

export const fr = (x: number): string => x.toLocaleString('fr-FR', { maximumFractionDigits: 4 });
const pct = (x: number): string => `${Math.round(x * 100)} %`;

function gateSentence(form: AllianceForm, gate: number, driver: number, at: number): string {
  const what = DRIVER_LABELS_FR[form];
  if (gate <= 0)
    return `Facteur de contexte 0 : ${what} est nulle ou absente, les critères de contexte ne comptent pas.`;
  if (gate >= 1)
    return `Facteur de contexte 1 : ${what} (${fr(driver)}) atteint le seuil de ${fr(at)}, les critères de contexte comptent en entier.`;
  return `Facteur de contexte ${fr(gate)} : ${what} vaut ${fr(driver)}, sous le seuil de ${fr(at)} ; les critères de contexte ne comptent qu’à ${pct(gate)} (${fr(driver)} ÷ ${fr(at)}).`;
}

function penaltySentence(
  name: 'alliedPenalty' | 'metBeforePenalty',
  weight: number,
  contribution: number,
  excluded: boolean,
): string {
  if (contribution === 0) return `${COMPONENT_LABELS_FR[name]} : non, aucune réduction.`;
  if (excluded) return `${COMPONENT_LABELS_FR[name]} : oui, la paire n’est pas proposée (score annulé).`;
  return `${COMPONENT_LABELS_FR[name]} : oui, score réduit de ${pct(weight)} (${fr(contribution)}).`;
}

export interface AllianceNames {
  readonly a: string;
  readonly b: string;
}

/** Pair facts and per-form inputs of two normalized actors. */
export function formInputsOf(
  pair: PairScore,
  ta: FormTraits,
  tb: FormTraits,
  networkTie: number,
): FormInputs {
  const x = emptyFormInputs();
  const v = pair.components;
  x.reciprocity = pair.reciprocity;
  x.causes = v[1].value;
  x.proximity = v[2].value;
  x.crossFamily = v[3].value;
  x.allianceForms = v[4].value;
  x.trust = v[5].value;
  fillTraitInputs(x, ta, tb);
  x.network = networkTie;
  return x;
}

/**
 * A pair scored for each alliance form, with the blended score (the best form's) and French
 * explanations. `forms[RESOURCES].score === pair.score` (the complementarity score of scorePair).
 */
export function scoreAlliance(
  a: ScoringActor,
  b: ScoringActor,
  ctx: ScoringContext,
  profile: ScoringProfile = DEFAULT_PROFILE,
  names?: AllianceNames,
): AllianceScore {
  return scoreAllianceNormalized(normalizeActor(a), normalizeActor(b), ctx, profile, names);
}

export function scoreAllianceNormalized(
  na: NormalizedActor,
  nb: NormalizedActor,
  ctx: ScoringContext,
  profile: ScoringProfile = DEFAULT_PROFILE,
  names?: AllianceNames,
): AllianceScore {
  const p = ensureValidProfile(profile);
  const pair = scoreNormalized(na, nb, ctx, p);
  const ta = formTraitsOf(na, ctx.taxonomy);
  const tb = formTraitsOf(nb, ctx.taxonomy);
  const self = na.source.id === nb.source.id;
  const tie = self || !ctx.pairs ? 0 : ctx.pairs.networkTie(na.source.id, nb.source.id);
  const x = formInputsOf(pair, ta, tb, tie);
  const alliedMode = !pair.allied
    ? ALLIED_NONE
    : p.alliedPolicy === 'exclude'
      ? ALLIED_EXCLUDE
      : ALLIED_PENALISE;
  const nameA = names?.a ?? na.source.id;
  const nameB = names?.b ?? nb.source.id;
  const forms = FORM_ORDER.map((form) =>
    formScore(form, x, p, alliedMode, pair.metBefore, self, { pair, ta, tb, nameA, nameB, ctx, p }),
  );
  let best = 0;
  for (let f = 1; f < forms.length; f++) if (forms[f].score > forms[best].score) best = f;
  const bestForm = forms[best];
  const summary =
    bestForm.score > 0
      ? `Proposé pour une ${FORM_LABELS_FR[bestForm.form]} (score ${fr(bestForm.score)}) : ${bestForm.summary}`
      : `Aucune forme d’alliance ne ressort pour ${nameA} et ${nameB}.`;
  return { pair, forms, best: bestForm.form, score: bestForm.score, summary };
}

interface Facts {
  readonly pair: PairScore;
  readonly ta: FormTraits;
  readonly tb: FormTraits;
  readonly nameA: string;
  readonly nameB: string;
  readonly ctx: ScoringContext;
  readonly p: ScoringProfile;
}

function formScore(
  form: AllianceForm,
  x: FormInputs,
  p: ScoringProfile,
  alliedMode: number,
  met: boolean,
  self: boolean,
  facts: Facts,
): FormScore {
  const layout = FORM_LAYOUT[form];
  const { v, w } = formTerms(form, x, p);
  const d = gateDriver(form, x, p);
  const gate = gateOf(d.value, d.at);
  const out = new Array<number>(v.length + 2).fill(0);
  const score = self ? 0 : assembleForm(form, p, x, alliedMode, met, out);
  const components: FormComponent[] = layout.names.map((name, i) => {
    const gated = i >= layout.core;
    const c = self ? 0 : out[i];
    const head = `${COMPONENT_LABELS_FR[name]} : ${fr(v[i])} × poids ${fr(w[i])}`;
    const explanation = gated
      ? `${head} × facteur de contexte ${fr(gate)} = ${fr(c)}.`
      : `${head} = ${fr(c)}.`;
    return { name, value: v[i], weight: w[i], gate: gated ? gate : null, contribution: c, explanation };
  });
  const n = v.length;
  const excluded = alliedMode === ALLIED_EXCLUDE;
  components.push({
    name: 'alliedPenalty',
    value: facts.pair.allied ? 1 : 0,
    weight: excluded ? 1 : p.penalties.allied,
    gate: null,
    contribution: self ? 0 : out[n],
    explanation: penaltySentence('alliedPenalty', p.penalties.allied, self ? 0 : out[n], excluded),
  });
  components.push({
    name: 'metBeforePenalty',
    value: met ? 1 : 0,
    weight: p.penalties.metBefore,
    gate: null,
    contribution: self ? 0 : out[n + 1],
    explanation: penaltySentence('metBeforePenalty', p.penalties.metBefore, self ? 0 : out[n + 1], false),
  });
  const { summary, evidence } = formSummary(form, x, facts);
  return {
    form,
    score,
    gate,
    gateDriver: d.value,
    gateAt: d.at,
    gateExplanation: gateSentence(form, gate, d.value, d.at),
    components,
    summary,
    evidence,
  };
}

const list = (items: readonly string[], max = 4): string =>
  items.length === 0
    ? ''
    : items.length <= max
      ? items.join(', ')
      : `${items.slice(0, max).join(', ')} et ${items.length - max} autre(s)`;

/**
 * The gift part of the reciprocity, in words: a gift (sponsorship, donation) asks no like-for-like
 * return, so the receiver counts as giving back giftReturn × the gift when it covers less than that.
 */
function giftSentences(f: Facts): string[] {
  const k = f.p.reciprocity.giftReturn;
  const out: string[] = [];
  const one = (giver: string, receiver: string, gift: number, back: number) => {
    if (gift <= 0 || k <= 0) return;
    const implicit = k * gift;
    const counted =
      implicit > back
        ? `${receiver} est compté comme rendant ${pct(implicit)} des besoins de ${giver} (${pct(k)} du don : réduction d’impôt, visibilité, engagement des salariés, impact à rendre compte) au lieu de ${pct(back)}`
        : `${receiver} couvre déjà ${pct(back)} des besoins de ${giver}, plus que la contrepartie implicite du don (${pct(implicit)})`;
    out.push(
      `${giver} donne (mécénat, dons) de quoi couvrir ${pct(gift)} des besoins de ${receiver} : un don n’appelle pas de retour équivalent, ${counted}`,
    );
  };
  one(f.nameB, f.nameA, f.pair.forward.giftCoverage, f.pair.backward.coverage);
  one(f.nameA, f.nameB, f.pair.backward.giftCoverage, f.pair.forward.coverage);
  return out;
}

function formSummary(form: AllianceForm, x: FormInputs, f: Facts): { summary: string; evidence: string[] } {
  const tax = f.ctx.taxonomy;
  const label = (id: string) => tax.label(id);
  const causes = causesOfMask(f.ta.causes & f.tb.causes);
  const causesText = causes.length ? `causes communes (ODD ${causes.join(', ')})` : 'aucune cause commune';
  const where = f.pair.territory
    ? `territoire commun (${f.pair.territory.level.toLowerCase()} ${f.pair.territory.code})`
    : 'pas de territoire commun';
  switch (form) {
    case AllianceForm.RESOURCES: {
      const fw = f.pair.forward.matches.map((m) => m.needLabel);
      const bw = f.pair.backward.matches.map((m) => m.needLabel);
      const parts: string[] = [];
      if (fw.length)
        parts.push(
          `${f.nameB} couvre ${pct(f.pair.forward.coverage)} des besoins pondérés de ${f.nameA} (${list(fw)})`,
        );
      if (bw.length)
        parts.push(
          `${f.nameA} couvre ${pct(f.pair.backward.coverage)} des besoins pondérés de ${f.nameB} (${list(bw)})`,
        );
      parts.push(...giftSentences(f));
      const evidence = [
        ...new Set([...f.pair.forward.matches, ...f.pair.backward.matches].map((m) => m.needId)),
      ].sort();
      return {
        summary: parts.length
          ? `${parts.join(' ; ')}.`
          : `ni l’un ni l’autre ne couvre les besoins déclarés de l’autre.`,
        evidence,
      };
    }
    case AllianceForm.CO_PRODUCTION: {
      const fields = tax.fieldCompetences(f.ta.fieldLo & f.tb.fieldLo, f.ta.fieldHi & f.tb.fieldHi);
      const roots = fields.length ? [] : tax.rootCompetences(f.ta.fieldRoots & f.tb.fieldRoots);
      const onlyA = tax.rootCompetences(f.ta.offerRoots & ~f.tb.offerRoots).map(label);
      const onlyB = tax.rootCompetences(f.tb.offerRoots & ~f.ta.offerRoots).map(label);
      const fieldText = fields.length
        ? `champs d’action communs : ${list(fields.map(label))}`
        : roots.length
          ? `mêmes grands domaines d’action : ${list(roots.map(label))}`
          : 'aucun champ d’action commun';
      const capText =
        onlyA.length && onlyB.length
          ? `${f.nameA} apporte ${list(onlyA, 3)}, ${f.nameB} apporte ${list(onlyB, 3)}`
          : 'des capacités proches plutôt que complémentaires';
      const tie =
        x.network >= 1
          ? ' ; l’un est membre du réseau de l’autre'
          : x.network > 0
            ? ' ; ils appartiennent à la même tête de réseau'
            : '';
      const exchange =
        x.reciprocity > 0 ? ` ; chacun apporte à l’action de l’autre (échange ${fr(x.reciprocity)})` : '';
      return {
        summary: `${causesText} ; ${fieldText} ; ${capText}${exchange}${tie}.`,
        evidence: [...fields, ...roots],
      };
    }
    case AllianceForm.POOLING: {
      const shared = tax.poolCompetences(f.ta.pool & f.tb.pool);
      return {
        summary: shared.length
          ? `besoins qu’ils pourraient mutualiser : ${list(shared.map(label))} ; ${where}.`
          : `aucun besoin mutualisable commun ; ${where}.`,
        evidence: shared,
      };
    }
    case AllianceForm.POSITIONING: {
      const reps: string[] = [];
      if (f.ta.representation > 0) reps.push(f.nameA);
      if (f.tb.representation > 0) reps.push(f.nameB);
      const tie =
        x.network >= 1
          ? 'l’un est membre du réseau de l’autre'
          : x.network > 0
            ? 'ils appartiennent à la même tête de réseau'
            : 'pas de lien de réseau connu';
      return {
        summary: `${causesText} ; capacité de plaidoyer ou de représentation : ${reps.length ? reps.join(' et ') : 'aucune déclarée'} ; ${tie}.`,
        evidence: [],
      };
    }
  }
}
