import {
  ActorKind,
  AllianceForm,
  Level,
  Modality,
  Priority,
  SizeBand,
  TerritoryLevel,
  familyOfKind,
} from '@maillage/domain';
import { Taxonomy } from '../taxonomy';
import type { ScoringActor, TerritoryRef } from '../types';

/**
 * Small hand-written taxonomy: 6 domains and their sub-competences. Web development and graphic
 * design are declared substitutes (the only sibling credit); social media is a sibling of both
 * that is not.
 */
export const FIXTURE_TAXONOMY = new Taxonomy([
  { id: 'comm', label: 'Communication' },
  { id: 'comm.web', label: 'Web development', parentId: 'comm', substitutes: ['comm.design'] },
  { id: 'comm.design', label: 'Graphic design', parentId: 'comm' },
  { id: 'comm.social', label: 'Social media', parentId: 'comm' },
  { id: 'fin', label: 'Finance' },
  { id: 'fin.accounting', label: 'Accounting', parentId: 'fin' },
  { id: 'fin.fundraising', label: 'Fundraising', parentId: 'fin' },
  { id: 'log', label: 'Logistics' },
  { id: 'log.transport', label: 'Transport', parentId: 'log' },
  { id: 'log.storage', label: 'Storage', parentId: 'log', poolable: true },
  { id: 'edu', label: 'Education', field: true },
  { id: 'edu.tutoring', label: 'Tutoring', parentId: 'edu' },
  { id: 'edu.digital', label: 'Digital literacy', parentId: 'edu' },
  { id: 'access', label: 'Accessibility' },
  { id: 'access.sign', label: 'Sign language', parentId: 'access' },
  { id: 'legal', label: 'Legal' },
  { id: 'legal.gdpr', label: 'Data protection (GDPR)', parentId: 'legal' },
]);

/** Real INSEE / SIREN codes. */
export const GRENOBLE: TerritoryRef = {
  commune: '38185',
  epci: '200040715',
  departement: '38',
  region: '84',
};
export const ECHIROLLES: TerritoryRef = {
  commune: '38151',
  epci: '200040715',
  departement: '38',
  region: '84',
};
export const VOIRON: TerritoryRef = { commune: '38563', epci: '200040608', departement: '38', region: '84' };
export const LYON: TerritoryRef = { commune: '69123', epci: '200046977', departement: '69', region: '84' };
export const PARIS: TerritoryRef = { commune: '75056', epci: '200054781', departement: '75', region: '11' };

type OfferSpec = [competenceId: string, modality: Modality, level: Level];
type NeedSpec = [competenceId: string, priority: Priority];

export function fixtureActor(
  id: string,
  kind: ActorKind,
  spec: {
    offers?: OfferSpec[];
    needs?: NeedSpec[];
    causes?: number[];
    at?: TerritoryRef;
    forms?: AllianceForm[];
    size?: SizeBand;
  },
): ScoringActor {
  return {
    id,
    kind,
    family: familyOfKind(kind),
    sizeBand: spec.size,
    offers: (spec.offers ?? []).map(([competenceId, modality, level]) => ({ competenceId, modality, level })),
    needs: (spec.needs ?? []).map(([competenceId, priority]) => ({ competenceId, priority })),
    causes: spec.causes ?? [],
    territories: spec.at ?? GRENOBLE,
    allianceForms: spec.forms ?? [],
  };
}

const { SKILLS, FUNDING, IN_KIND, NETWORK } = Modality;
const { CO_PRODUCTION, RESOURCES, POOLING } = AllianceForm;

/**
 * - `restos` (association, Grenoble) needs a website, accounting and transport; offers tutoring,
 *   digital literacy and data protection.
 * - `techco` (company, same EPCI) offers exactly those needs and needs digital literacy and data
 *   protection (and storage): the clearly complementary pair.
 * - `twin` (association, same commune, same causes) needs and offers the same as restos: similar
 *   but redundant.
 * - `signer` offers a rare competence (sign language), `socialA/B/C` a common one (social media).
 * - `deafassoc` needs both, with the same priority.
 * - `mairie` (commune of Grenoble, public) funds and offers storage; needs data protection.
 */
export function fixtureActors(): ScoringActor[] {
  return [
    fixtureActor('restos', ActorKind.ASSOCIATION, {
      needs: [
        ['comm.web', 3],
        ['fin.accounting', 2],
        ['log.transport', 2],
      ],
      offers: [
        ['edu.tutoring', SKILLS, 3],
        ['edu.digital', SKILLS, 3],
        ['legal.gdpr', SKILLS, 2],
      ],
      causes: [1, 2, 10],
      forms: [CO_PRODUCTION, RESOURCES],
      size: SizeBand.SMALL,
    }),
    fixtureActor('techco', ActorKind.COMPANY, {
      offers: [
        ['comm.web', SKILLS, 3],
        ['fin.accounting', SKILLS, 2],
        ['log.transport', IN_KIND, 2],
      ],
      needs: [
        ['edu.digital', 3],
        ['legal.gdpr', 2],
        ['log.storage', 1],
      ],
      causes: [4, 10],
      at: ECHIROLLES,
      forms: [RESOURCES],
      size: SizeBand.MEDIUM,
    }),
    fixtureActor('twin', ActorKind.ASSOCIATION, {
      needs: [
        ['comm.web', 3],
        ['fin.accounting', 2],
        ['log.transport', 2],
      ],
      offers: [
        ['edu.tutoring', SKILLS, 3],
        ['edu.digital', SKILLS, 3],
        ['legal.gdpr', SKILLS, 2],
      ],
      causes: [1, 2, 10],
      forms: [CO_PRODUCTION, RESOURCES],
      size: SizeBand.SMALL,
    }),
    fixtureActor('signer', ActorKind.ASSOCIATION, {
      offers: [['access.sign', SKILLS, 2]],
      needs: [['fin.fundraising', 2]],
      causes: [10],
      at: LYON,
    }),
    fixtureActor('socialA', ActorKind.ASSOCIATION, {
      offers: [['comm.social', SKILLS, 2]],
      needs: [['fin.fundraising', 2]],
      causes: [10],
      at: LYON,
    }),
    fixtureActor('socialB', ActorKind.COMPANY, {
      offers: [['comm.social', SKILLS, 2]],
      needs: [['legal.gdpr', 1]],
      at: PARIS,
    }),
    fixtureActor('socialC', ActorKind.ASSOCIATION, {
      offers: [['comm.social', NETWORK, 1]],
      needs: [['legal.gdpr', 1]],
      at: VOIRON,
    }),
    fixtureActor('deafassoc', ActorKind.ASSOCIATION, {
      needs: [
        ['access.sign', 2],
        ['comm.social', 2],
      ],
      offers: [['fin.fundraising', SKILLS, 2]],
      causes: [10],
      at: LYON,
    }),
    fixtureActor('mairie', ActorKind.COMMUNE, {
      offers: [
        ['fin', FUNDING, 3],
        ['log.storage', IN_KIND, 2],
      ],
      needs: [
        ['legal.gdpr', 2],
        ['edu.digital', 1],
      ],
      causes: [1, 10, 11],
      forms: [CO_PRODUCTION, POOLING],
      size: SizeBand.LARGE,
      at: { ...GRENOBLE, actsIn: [{ level: TerritoryLevel.COMMUNE, code: '38185' }] },
    }),
  ];
}
