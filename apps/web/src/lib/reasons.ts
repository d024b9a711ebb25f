import type { TFunction } from 'i18next';
import { sdgLabel } from './sdg';

/** The parts of an explanation (PairExplanation, LocalCause) the sentences are built from. */
export interface ExplanationInput {
  a?: { family: string; kind: string };
  b?: { family: string; kind: string };
  /** What the partner (b) brings to the actor (a). */
  forward?: { matches: Match[] };
  /** What the actor (a) brings to the partner (b). */
  backward?: { matches: Match[] };
  sharedCauses: number[];
  sharedForms?: string[];
  territory?: { level: string; via: string } | null;
  commonPartners?: number;
  metBefore?: boolean;
  warnings: string[];
}

interface Match {
  need: { label: string };
  offer: { label: string };
  via: string;
}

export type ReasonKind = 'gets' | 'gives' | 'causes' | 'proximity' | 'family' | 'forms' | 'trust' | 'warning';
export interface Reason {
  kind: ReasonKind;
  text: string;
}

const WARNING_CODES = ['SIZE_GAP', 'ONE_SIDED', 'ALLIED', 'MET_BEFORE'] as const;

/**
 * A partner's reasons in plain language, from the API's explanation: « couvre votre besoin
 * « Comptabilité » », « vous couvrez son besoin … », causes partagées, proximité, autre famille
 * d'acteurs, formes d'alliance, partenaires communs, then the warnings.
 */
export function explainInWords(x: ExplanationInput, t: TFunction, lang: string): Reason[] {
  const out: Reason[] = [];
  const match = (key: 'reasons.coversYourNeed' | 'reasons.youCoverTheirNeed', m: Match) =>
    m.via === 'exact' || m.offer.label === m.need.label
      ? t(key, { need: m.need.label })
      : t(`${key}With`, { need: m.need.label, offer: m.offer.label });
  for (const m of x.forward?.matches ?? [])
    out.push({ kind: 'gets', text: match('reasons.coversYourNeed', m) });
  for (const m of x.backward?.matches ?? [])
    out.push({ kind: 'gives', text: match('reasons.youCoverTheirNeed', m) });
  if (x.sharedCauses.length)
    out.push({
      kind: 'causes',
      text: t('reasons.sharedCauses', {
        causes: x.sharedCauses.map((s) => t('reasons.sdg', { n: s, label: sdgLabel(s, lang) })).join(', '),
      }),
    });
  if (x.territory)
    out.push({
      kind: 'proximity',
      text: t(x.territory.via === 'location' ? 'reasons.sameTerritory' : 'reasons.actsInSameTerritory', {
        level: t(`territory.level.${x.territory.level as 'COMMUNE'}`),
      }),
    });
  if (x.a && x.b && x.a.family !== x.b.family)
    out.push({
      kind: 'family',
      text: t('reasons.otherFamily', { family: t(`actor.family.${x.b.family as 'PEER'}`) }),
    });
  if (x.sharedForms?.length)
    out.push({
      kind: 'forms',
      text: t('reasons.sharedForms', {
        forms: x.sharedForms.map((f) => t(`actor.form.${f as 'RESOURCES'}`)).join(', '),
      }),
    });
  if (x.commonPartners)
    out.push({ kind: 'trust', text: t('reasons.commonPartners', { count: x.commonPartners }) });
  for (const w of x.warnings) {
    const code = WARNING_CODES.find((c) => w.startsWith(`${c}:`));
    out.push({ kind: 'warning', text: code ? t(`reasons.warning.${code}`) : w });
  }
  return out;
}

/** One line for a meeting on the review board: what each side gets, then shared causes. */
export function meetingReasonLine(
  r: { aGets: string[]; bGets: string[]; sharedCauses: number[] } | undefined,
  t: TFunction,
): string {
  if (!r) return t('reasons.noReason');
  const parts: string[] = [];
  if (r.aGets.length) parts.push(t('reasons.aGets', { needs: r.aGets.slice(0, 2).join(', ') }));
  if (r.bGets.length) parts.push(t('reasons.bGets', { needs: r.bGets.slice(0, 2).join(', ') }));
  if (r.sharedCauses.length)
    parts.push(t('reasons.causesShort', { causes: r.sharedCauses.map((s) => `ODD ${s}`).join(', ') }));
  return parts.length ? parts.join(' · ') : t('reasons.noReason');
}

/** The stable code of a checker warning ("SIZE_GAP: …" → "SIZE_GAP"). */
export const warningCode = (w: string) => WARNING_CODES.find((c) => w.startsWith(`${c}:`)) ?? null;
