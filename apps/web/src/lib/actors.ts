/** The actor enums in display order (labels in i18n: actor.kind.*, actor.family.*). */
export const ACTOR_FAMILIES = ['PEER', 'PUBLIC', 'PRIVATE', 'ACADEMIC'] as const;
export const ACTOR_KINDS = [
  'ASSOCIATION',
  'FOUNDATION',
  'NETWORK_HEAD',
  'SUPPORT_STRUCTURE',
  'WORK_INTEGRATION',
  'COMPANY',
  'CORPORATE_FOUNDATION',
  'COMMUNE',
  'EPCI',
  'DEPARTEMENT',
  'REGION',
  'STATE_SERVICE',
  'SCHOOL',
  'RESEARCH_LAB',
] as const;
export const ALLIANCE_FORMS = ['RESOURCES', 'CO_PRODUCTION', 'POOLING', 'POSITIONING'] as const;
export const MODALITIES = ['SKILLS', 'FUNDING', 'IN_KIND', 'PREMISES', 'NETWORK', 'VISIBILITY'] as const;
