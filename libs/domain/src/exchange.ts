/** How a competence is offered: the forms resources actually take between partners. */
export enum Modality {
  SKILLS = 'SKILLS',
  FUNDING = 'FUNDING',
  IN_KIND = 'IN_KIND',
  PREMISES = 'PREMISES',
  NETWORK = 'NETWORK',
  VISIBILITY = 'VISIBILITY',
}

/** The four alliance forms of the field literature. */
export enum AllianceForm {
  POSITIONING = 'POSITIONING',
  CO_PRODUCTION = 'CO_PRODUCTION',
  POOLING = 'POOLING',
  RESOURCES = 'RESOURCES',
}

/** Headcount bands (INSEE-like, simplified). */
export enum SizeBand {
  NONE = 'NONE',
  MICRO = 'MICRO',
  SMALL = 'SMALL',
  MEDIUM = 'MEDIUM',
  LARGE = 'LARGE',
}

export enum Visibility {
  PUBLIC = 'PUBLIC',
  NETWORK = 'NETWORK',
  PRIVATE = 'PRIVATE',
}

/** Offer level: 1 = basic, 2 = confirmed, 3 = expert. Need priority: 1 = nice to have, 3 = vital. */
export type Level = 1 | 2 | 3;
export type Priority = 1 | 2 | 3;

export const MODALITY_LABELS_FR: Record<Modality, string> = {
  [Modality.SKILLS]: 'Compétences (mécénat de compétences, bénévolat)',
  [Modality.FUNDING]: 'Financement',
  [Modality.IN_KIND]: 'Don en nature',
  [Modality.PREMISES]: 'Locaux et équipements',
  [Modality.NETWORK]: 'Réseau et mise en relation',
  [Modality.VISIBILITY]: 'Visibilité',
};

export const ALLIANCE_FORM_LABELS_FR: Record<AllianceForm, string> = {
  [AllianceForm.POSITIONING]: 'Alliance de positionnement (plaidoyer, dialogue)',
  [AllianceForm.CO_PRODUCTION]: 'Coproduction (actions communes)',
  [AllianceForm.POOLING]: 'Mutualisation de moyens',
  [AllianceForm.RESOURCES]: 'Alliance de ressources (financement, mécénat)',
};
