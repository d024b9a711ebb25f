/** What an actor is. The family is derived from the kind (see familyOfKind). */
export enum ActorKind {
  ASSOCIATION = 'ASSOCIATION',
  FOUNDATION = 'FOUNDATION',
  COMPANY = 'COMPANY',
  CORPORATE_FOUNDATION = 'CORPORATE_FOUNDATION',
  COMMUNE = 'COMMUNE',
  EPCI = 'EPCI',
  DEPARTEMENT = 'DEPARTEMENT',
  REGION = 'REGION',
  STATE_SERVICE = 'STATE_SERVICE',
  SCHOOL = 'SCHOOL',
  RESEARCH_LAB = 'RESEARCH_LAB',
  WORK_INTEGRATION = 'WORK_INTEGRATION',
  NETWORK_HEAD = 'NETWORK_HEAD',
  SUPPORT_STRUCTURE = 'SUPPORT_STRUCTURE',
}

/** The three "worlds" of the field surveys, plus academia which partners differently. */
export enum ActorFamily {
  PEER = 'PEER',
  PUBLIC = 'PUBLIC',
  PRIVATE = 'PRIVATE',
  ACADEMIC = 'ACADEMIC',
}

const FAMILY_BY_KIND: Record<ActorKind, ActorFamily> = {
  [ActorKind.ASSOCIATION]: ActorFamily.PEER,
  [ActorKind.FOUNDATION]: ActorFamily.PEER,
  [ActorKind.WORK_INTEGRATION]: ActorFamily.PEER,
  [ActorKind.NETWORK_HEAD]: ActorFamily.PEER,
  [ActorKind.SUPPORT_STRUCTURE]: ActorFamily.PEER,
  [ActorKind.COMPANY]: ActorFamily.PRIVATE,
  [ActorKind.CORPORATE_FOUNDATION]: ActorFamily.PRIVATE,
  [ActorKind.COMMUNE]: ActorFamily.PUBLIC,
  [ActorKind.EPCI]: ActorFamily.PUBLIC,
  [ActorKind.DEPARTEMENT]: ActorFamily.PUBLIC,
  [ActorKind.REGION]: ActorFamily.PUBLIC,
  [ActorKind.STATE_SERVICE]: ActorFamily.PUBLIC,
  [ActorKind.SCHOOL]: ActorFamily.ACADEMIC,
  [ActorKind.RESEARCH_LAB]: ActorFamily.ACADEMIC,
};

export function familyOfKind(kind: ActorKind): ActorFamily {
  return FAMILY_BY_KIND[kind];
}

export const ACTOR_KIND_LABELS_FR: Record<ActorKind, string> = {
  [ActorKind.ASSOCIATION]: 'Association',
  [ActorKind.FOUNDATION]: 'Fondation',
  [ActorKind.COMPANY]: 'Entreprise',
  [ActorKind.CORPORATE_FOUNDATION]: "Fondation d'entreprise",
  [ActorKind.COMMUNE]: 'Commune',
  [ActorKind.EPCI]: 'Intercommunalité (EPCI)',
  [ActorKind.DEPARTEMENT]: 'Département',
  [ActorKind.REGION]: 'Région',
  [ActorKind.STATE_SERVICE]: "Service de l'État",
  [ActorKind.SCHOOL]: 'Établissement scolaire ou universitaire',
  [ActorKind.RESEARCH_LAB]: 'Laboratoire de recherche',
  [ActorKind.WORK_INTEGRATION]: "Structure d'insertion par l'activité économique (SIAE)",
  [ActorKind.NETWORK_HEAD]: 'Tête de réseau',
  [ActorKind.SUPPORT_STRUCTURE]: "Structure d'accompagnement",
};
