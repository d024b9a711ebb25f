/**
 * Evaluation fixture: real French alliances, encoded as actor profiles in the project's taxonomy
 * (graph-seeds/competences.json) and placed among generated distractors (bench/alliance-recall.ts).
 *
 * How it was built: from the author's knowledge of public sources (annual reports, press, the
 * field's surveys), written without web access, so each `source` names the report or article relied
 * on, not a verified URL. Profiles encode what each organisation is publicly known to bring and
 * need, not what makes the score high: offers, needs and causes were written per actor, before any
 * score was looked at, and no weight was tuned to a single pair. `form` is the alliance form the
 * partnership is documented as (the field's typology: positioning, co-production, pooling, resources).
 */
import { ActorKind, AllianceForm, Level, Modality, Priority } from '@maillage/domain';

export interface FixtureActor {
  readonly id: string;
  readonly name: string;
  readonly kind: ActorKind;
  /** INSEE commune of its (head) office. */
  readonly commune: string;
  /** Régions (INSEE code, without the graph's R prefix) or départements it acts in, besides its location. */
  readonly actsInRegions?: readonly string[];
  readonly actsInDepartements?: readonly string[];
  readonly offers: readonly [competenceId: string, modality: Modality, level: Level][];
  readonly needs: readonly [competenceId: string, priority: Priority][];
  readonly causes: readonly number[];
  readonly forms: readonly AllianceForm[];
  /** Network heads it is a member of (MEMBER_OF), by fixture id. */
  readonly memberOf?: readonly string[];
}

export interface FixtureAlliance {
  readonly a: string;
  readonly b: string;
  readonly form: AllianceForm;
  readonly what: string;
  readonly source: string;
}

const { SKILLS, FUNDING, IN_KIND, PREMISES, NETWORK, VISIBILITY } = Modality;
const { RESOURCES, CO_PRODUCTION, POOLING, POSITIONING } = AllianceForm;

export const FIXTURE_ACTORS: readonly FixtureActor[] = [
  // ---- RESOURCES
  {
    id: 'restos',
    name: 'Les Restos du Cœur',
    kind: ActorKind.ASSOCIATION,
    commune: '75056',
    actsInRegions: ['11'],
    offers: [
      ['food.aid', IN_KIND, 3],
      ['network.beneficiaries', NETWORK, 3],
      ['volunteering.regular', SKILLS, 3],
      ['social.isolation', SKILLS, 2],
    ],
    needs: [
      ['food.surplus-donations', 3],
      ['logistics.storage', 2],
      ['logistics.transport', 2],
      ['volunteering.occasional', 3],
      ['funding.sponsorship.corporate', 2],
    ],
    causes: [1, 2, 10],
    forms: [RESOURCES, CO_PRODUCTION],
  },
  {
    id: 'carrefour',
    name: 'Carrefour (groupe)',
    kind: ActorKind.COMPANY,
    commune: '91377',
    actsInRegions: ['11'],
    offers: [
      ['food.surplus-donations', IN_KIND, 3],
      ['logistics.transport', IN_KIND, 2],
      ['premises.event-venue', PREMISES, 2],
      ['volunteering.employee-engagement', SKILLS, 2],
      ['funding.sponsorship.corporate', FUNDING, 2],
    ],
    needs: [
      ['impact.csr-reporting', 2],
      ['environment.waste-reuse', 2],
      ['communication.visibility', 1],
    ],
    causes: [2, 12],
    forms: [RESOURCES],
  },
  {
    id: 'adie',
    name: 'Adie (Association pour le droit à l’initiative économique)',
    kind: ActorKind.ASSOCIATION,
    commune: '93066',
    actsInRegions: ['11'],
    offers: [
      ['funding.social-investment', FUNDING, 3],
      ['work-integration.job-support', SKILLS, 3],
      ['network.beneficiaries', NETWORK, 2],
    ],
    needs: [
      ['funding.social-investment', 3],
      ['funding.sponsorship.corporate', 2],
      ['volunteering.skills-sponsorship', 2],
      ['finance.cash-management', 1],
    ],
    causes: [1, 8, 10],
    forms: [RESOURCES],
  },
  {
    id: 'bnp',
    name: 'BNP Paribas',
    kind: ActorKind.COMPANY,
    commune: '75056',
    actsInRegions: ['11'],
    offers: [
      ['funding.social-investment', FUNDING, 3],
      ['finance.cash-management', SKILLS, 3],
      ['volunteering.skills-sponsorship', SKILLS, 2],
      ['funding.sponsorship.corporate', FUNDING, 2],
    ],
    needs: [
      ['impact.social-measurement', 2],
      ['impact.csr-reporting', 2],
      ['network.beneficiaries', 1],
    ],
    causes: [8, 10],
    forms: [RESOURCES],
  },
  {
    id: 'emmaus-connect',
    name: 'Emmaüs Connect',
    kind: ActorKind.ASSOCIATION,
    commune: '75056',
    offers: [
      ['digital.inclusion', SKILLS, 3],
      ['network.beneficiaries', NETWORK, 2],
      ['training.volunteers', SKILLS, 2],
    ],
    needs: [
      ['digital.equipment', 3],
      ['volunteering.skills-sponsorship', 2],
      ['funding.project', 2],
    ],
    causes: [4, 10],
    forms: [RESOURCES, CO_PRODUCTION],
    memberOf: ['emmaus-france'],
  },
  {
    id: 'sfr',
    name: 'SFR (Altice France)',
    kind: ActorKind.COMPANY,
    commune: '75056',
    actsInRegions: ['11'],
    offers: [
      ['digital.equipment', IN_KIND, 3],
      ['volunteering.skills-sponsorship', SKILLS, 2],
      ['funding.sponsorship.corporate', FUNDING, 2],
    ],
    needs: [
      ['impact.csr-reporting', 2],
      ['digital.inclusion', 2],
    ],
    causes: [9, 10],
    forms: [RESOURCES],
  },
  {
    id: 'unis-cite',
    name: 'Unis-Cité',
    kind: ActorKind.ASSOCIATION,
    commune: '75056',
    actsInRegions: ['11'],
    offers: [
      ['volunteering.civic-service', SKILLS, 3],
      ['social.youth', SKILLS, 3],
      ['social.isolation', SKILLS, 2],
    ],
    needs: [
      ['funding.operating-grant', 3],
      ['funding.project', 2],
      ['training.volunteers', 1],
    ],
    causes: [4, 10, 16],
    forms: [RESOURCES, CO_PRODUCTION],
  },
  {
    id: 'asc',
    name: 'Agence du Service Civique',
    kind: ActorKind.STATE_SERVICE,
    commune: '75056',
    actsInRegions: ['11'],
    offers: [
      ['funding.operating-grant', FUNDING, 3],
      ['training.volunteers', SKILLS, 2],
      ['public-policy.co-design', SKILLS, 2],
    ],
    needs: [
      ['volunteering.civic-service', 3],
      ['impact.indicators', 2],
    ],
    causes: [4, 16],
    forms: [RESOURCES, POSITIONING],
  },
  {
    id: 'wimoov',
    name: 'Wimoov',
    kind: ActorKind.ASSOCIATION,
    commune: '75056',
    offers: [
      ['mobility.solidarity-transport', SKILLS, 3],
      ['mobility.driving-licence', SKILLS, 2],
      ['work-integration.job-support', SKILLS, 2],
    ],
    needs: [
      ['logistics.vehicles', 3],
      ['funding.sponsorship.corporate', 2],
      ['housing.renovation', 1],
    ],
    causes: [1, 8, 11],
    forms: [RESOURCES],
  },
  {
    id: 'renault',
    name: 'Renault Group (Mobilize / garages solidaires)',
    kind: ActorKind.COMPANY,
    commune: '92012',
    actsInRegions: ['11'],
    offers: [
      ['logistics.vehicles', IN_KIND, 3],
      ['funding.sponsorship.corporate', FUNDING, 2],
      ['volunteering.skills-sponsorship', SKILLS, 2],
    ],
    needs: [
      ['mobility.solidarity-transport', 2],
      ['impact.csr-reporting', 2],
    ],
    causes: [9, 11],
    forms: [RESOURCES],
  },
  {
    id: 'ffba',
    name: 'Fédération française des Banques Alimentaires',
    kind: ActorKind.NETWORK_HEAD,
    commune: '94003',
    actsInRegions: ['11'],
    offers: [
      ['food.surplus-donations', IN_KIND, 3],
      ['logistics.storage', PREMISES, 3],
      ['logistics.transport', IN_KIND, 2],
    ],
    needs: [
      ['volunteering.regular', 3],
      ['funding.sponsorship.corporate', 2],
      ['network.beneficiaries', 2],
    ],
    causes: [2, 12],
    forms: [RESOURCES, POOLING],
  },
  {
    id: 'andes',
    name: 'ANDES (réseau des épiceries solidaires)',
    kind: ActorKind.NETWORK_HEAD,
    commune: '75056',
    actsInRegions: ['11'],
    offers: [
      ['network.beneficiaries', NETWORK, 3],
      ['food.short-supply-chains', SKILLS, 2],
      ['training.volunteers', SKILLS, 2],
    ],
    needs: [
      ['food.surplus-donations', 3],
      ['logistics.storage', 2],
      ['funding.project', 2],
    ],
    causes: [1, 2],
    forms: [RESOURCES, POOLING],
  },
  // ---- CO_PRODUCTION
  {
    id: 'mnhn',
    name: 'Muséum national d’Histoire naturelle (Vigie-Nature)',
    kind: ActorKind.RESEARCH_LAB,
    commune: '75056',
    actsInRegions: ['11'],
    offers: [
      ['research.partnerships', SKILLS, 3],
      ['impact.evaluation-research', SKILLS, 3],
      ['digital.data', SKILLS, 3],
      ['environment.biodiversity', SKILLS, 3],
    ],
    needs: [
      ['volunteering.occasional', 2],
      ['communication.social-media', 1],
    ],
    causes: [15, 13, 4],
    forms: [CO_PRODUCTION],
  },
  {
    id: 'lpo',
    name: 'LPO (Ligue pour la protection des oiseaux)',
    kind: ActorKind.ASSOCIATION,
    commune: '17299',
    actsInRegions: ['11', '75'],
    offers: [
      ['environment.biodiversity', SKILLS, 3],
      ['environment.education', SKILLS, 3],
      ['volunteering.regular', SKILLS, 3],
      ['public-policy.advocacy', SKILLS, 2],
    ],
    needs: [
      ['digital.data', 2],
      ['funding.project', 2],
      ['impact.evaluation-research', 1],
    ],
    causes: [15, 14, 4],
    forms: [CO_PRODUCTION, POSITIONING],
    memberOf: ['fne'],
  },
  {
    id: 'noe',
    name: 'Noé (association de conservation de la biodiversité)',
    kind: ActorKind.ASSOCIATION,
    commune: '75056',
    offers: [
      ['environment.biodiversity', SKILLS, 3],
      ['environment.education', SKILLS, 2],
      ['communication.social-media', VISIBILITY, 2],
    ],
    needs: [
      ['research.partnerships', 2],
      ['funding.sponsorship.foundation', 2],
    ],
    causes: [15, 4],
    forms: [CO_PRODUCTION],
  },
  {
    id: 'emmaus-france',
    name: 'Emmaüs France',
    kind: ActorKind.NETWORK_HEAD,
    commune: '93048',
    actsInRegions: ['11', '32'],
    offers: [
      ['environment.waste-reuse', SKILLS, 3],
      ['work-integration.siae', SKILLS, 3],
      ['public-policy.advocacy', SKILLS, 3],
      ['housing.emergency', SKILLS, 2],
    ],
    needs: [
      ['logistics.storage', 2],
      ['funding.project', 2],
    ],
    causes: [1, 8, 12],
    forms: [CO_PRODUCTION, POSITIONING],
  },
  {
    id: 'le-relais',
    name: 'Le Relais (SCOP, collecte et tri textile)',
    kind: ActorKind.WORK_INTEGRATION,
    commune: '62178',
    actsInRegions: ['32', '11'],
    offers: [
      ['environment.waste-reuse', SKILLS, 3],
      ['work-integration.siae', SKILLS, 3],
      ['logistics.transport', IN_KIND, 2],
    ],
    needs: [
      ['premises.office', 1],
      ['work-integration.job-offers', 2],
    ],
    causes: [8, 12],
    forms: [CO_PRODUCTION],
    memberOf: ['emmaus-france'],
  },
  {
    id: 'pfp',
    name: 'Les Petits Frères des Pauvres',
    kind: ActorKind.ASSOCIATION,
    commune: '75056',
    actsInRegions: ['84'],
    offers: [
      ['social.isolation', SKILLS, 3],
      ['volunteering.regular', SKILLS, 3],
      ['health.ageing', SKILLS, 2],
    ],
    needs: [
      ['network.beneficiaries', 3],
      ['premises.meeting-rooms', 1],
      ['funding.project', 2],
    ],
    causes: [3, 10],
    forms: [CO_PRODUCTION],
  },
  {
    id: 'lyon',
    name: 'Ville de Lyon (CCAS)',
    kind: ActorKind.COMMUNE,
    commune: '69123',
    offers: [
      ['network.beneficiaries', NETWORK, 3],
      ['premises.meeting-rooms', PREMISES, 2],
      ['funding.operating-grant', FUNDING, 2],
      ['health.ageing', SKILLS, 2],
    ],
    needs: [
      ['social.isolation', 3],
      ['volunteering.regular', 2],
    ],
    causes: [3, 10, 11],
    forms: [CO_PRODUCTION, RESOURCES],
  },
  {
    id: 'afev',
    name: 'AFEV (Association de la fondation étudiante pour la ville)',
    kind: ActorKind.ASSOCIATION,
    commune: '38185',
    offers: [
      ['training.tutoring', SKILLS, 3],
      ['volunteering.regular', SKILLS, 2],
      ['social.youth', SKILLS, 2],
    ],
    needs: [
      ['volunteering.regular', 3],
      ['premises.meeting-rooms', 1],
      ['funding.project', 2],
    ],
    causes: [4, 10],
    forms: [CO_PRODUCTION],
  },
  {
    id: 'uga',
    name: 'Université Grenoble Alpes',
    kind: ActorKind.SCHOOL,
    commune: '38185',
    offers: [
      ['volunteering.regular', SKILLS, 2],
      ['premises.meeting-rooms', PREMISES, 2],
      ['research.studies', SKILLS, 3],
      ['training.professional', SKILLS, 3],
    ],
    needs: [
      ['training.mentoring', 2],
      ['social.youth', 1],
    ],
    causes: [4],
    forms: [CO_PRODUCTION],
  },
  {
    id: 'tzcld',
    name: 'Territoires zéro chômeur de longue durée',
    kind: ActorKind.NETWORK_HEAD,
    commune: '75056',
    actsInRegions: ['84'],
    offers: [
      ['work-integration.job-support', SKILLS, 3],
      ['public-policy.advocacy', SKILLS, 3],
      ['public-policy.territorial-diagnosis', SKILLS, 2],
    ],
    needs: [
      ['funding.operating-grant', 2],
      ['public-policy.co-design', 2],
    ],
    causes: [1, 8],
    forms: [CO_PRODUCTION, POSITIONING],
  },
  {
    id: 'villeurbanne',
    name: 'Ville de Villeurbanne',
    kind: ActorKind.COMMUNE,
    commune: '69266',
    offers: [
      ['public-policy.co-design', SKILLS, 2],
      ['premises.office', PREMISES, 2],
      ['funding.operating-grant', FUNDING, 2],
    ],
    needs: [
      ['work-integration.job-support', 3],
      ['public-policy.territorial-diagnosis', 2],
    ],
    causes: [8, 11],
    forms: [CO_PRODUCTION],
  },
  {
    id: 'yes-we-camp',
    name: 'Yes We Camp',
    kind: ActorKind.ASSOCIATION,
    commune: '13055',
    actsInRegions: ['11'],
    offers: [
      ['premises.third-place', PREMISES, 3],
      ['communication.events', SKILLS, 3],
      ['culture.mediation', SKILLS, 2],
    ],
    needs: [
      ['premises.office', 3],
      ['network.beneficiaries', 2],
      ['finance.accounting', 1],
    ],
    causes: [11, 10],
    forms: [CO_PRODUCTION, POOLING],
  },
  {
    id: 'aurore',
    name: 'Aurore',
    kind: ActorKind.ASSOCIATION,
    commune: '75056',
    offers: [
      ['housing.emergency', SKILLS, 3],
      ['work-integration.job-support', SKILLS, 2],
      ['network.beneficiaries', NETWORK, 3],
    ],
    needs: [
      ['premises.office', 3],
      ['premises.third-place', 2],
      ['finance.accounting', 2],
      ['communication.events', 1],
    ],
    causes: [1, 10, 11],
    forms: [CO_PRODUCTION, POOLING],
  },
  // ---- POOLING
  {
    id: 'plateau-urbain',
    name: 'Plateau Urbain (coopérative d’urbanisme temporaire)',
    kind: ActorKind.WORK_INTEGRATION,
    commune: '75056',
    offers: [
      ['premises.office', PREMISES, 3],
      ['premises.third-place', PREMISES, 3],
      ['strategy.cooperation', SKILLS, 2],
    ],
    needs: [
      ['premises.office', 2],
      ['finance.accounting', 2],
      ['legal.contracts', 2],
    ],
    causes: [11, 10],
    forms: [POOLING],
  },
  {
    id: 'friche',
    name: 'Friche la Belle de Mai (SCIC)',
    kind: ActorKind.SUPPORT_STRUCTURE,
    commune: '13055',
    offers: [
      ['premises.event-venue', PREMISES, 3],
      ['premises.office', PREMISES, 3],
      ['culture.performing-arts', SKILLS, 2],
    ],
    needs: [
      ['premises.furniture', 2],
      ['digital.collaboration-tools', 2],
      ['finance.accounting', 2],
      ['communication.strategy', 1],
    ],
    causes: [11],
    forms: [POOLING, CO_PRODUCTION],
  },
  {
    id: 'radio-grenouille',
    name: 'Radio Grenouille (radio associative, à la Friche)',
    kind: ActorKind.ASSOCIATION,
    commune: '13055',
    offers: [
      ['communication.video', SKILLS, 3],
      ['culture.music', SKILLS, 3],
      ['communication.visibility', VISIBILITY, 2],
    ],
    needs: [
      ['premises.office', 3],
      ['premises.furniture', 2],
      ['finance.accounting', 2],
      ['digital.collaboration-tools', 1],
    ],
    causes: [4, 11],
    forms: [POOLING],
  },
  {
    id: 'psl',
    name: 'Profession Sport & Loisirs (groupement d’employeurs, antenne Isère)',
    kind: ActorKind.SUPPORT_STRUCTURE,
    commune: '38185',
    offers: [
      ['hr.payroll', SKILLS, 3],
      ['hr.recruitment', SKILLS, 3],
      ['sport.coaching', SKILLS, 2],
    ],
    needs: [
      ['hr.payroll', 2],
      ['legal.employment', 2],
      ['sport.coaching', 2],
    ],
    causes: [3, 8],
    forms: [POOLING],
  },
  {
    id: 'club',
    name: 'Club omnisports de quartier (Grenoble)',
    kind: ActorKind.ASSOCIATION,
    commune: '38185',
    offers: [
      ['sport.inclusion', SKILLS, 2],
      ['premises.sports-facilities', PREMISES, 1],
      ['volunteering.regular', SKILLS, 2],
    ],
    needs: [
      ['hr.payroll', 3],
      ['legal.employment', 2],
      ['sport.coaching', 3],
    ],
    causes: [3, 10],
    forms: [POOLING],
  },
  {
    id: 'mres',
    name: 'MRES (Maison régionale de l’environnement et des solidarités, Lille)',
    kind: ActorKind.NETWORK_HEAD,
    commune: '59350',
    offers: [
      ['premises.meeting-rooms', PREMISES, 3],
      ['strategy.cooperation', SKILLS, 2],
      ['environment.education', SKILLS, 2],
    ],
    needs: [
      ['finance.accounting', 2],
      ['digital.collaboration-tools', 2],
      ['premises.office', 2],
    ],
    causes: [11, 13, 15],
    forms: [POOLING, POSITIONING],
  },
  {
    id: 'adav',
    name: 'Droit au vélo (ADAV)',
    kind: ActorKind.ASSOCIATION,
    commune: '59350',
    offers: [
      ['mobility.cycling', SKILLS, 3],
      ['public-policy.advocacy', SKILLS, 2],
    ],
    needs: [
      ['premises.office', 2],
      ['premises.meeting-rooms', 2],
      ['finance.accounting', 2],
      ['digital.collaboration-tools', 1],
    ],
    causes: [11, 13],
    forms: [POOLING, POSITIONING],
    memberOf: ['mres'],
  },
  // ---- POSITIONING
  {
    id: 'fap',
    name: 'Fondation Abbé Pierre',
    kind: ActorKind.FOUNDATION,
    commune: '75056',
    actsInRegions: ['11'],
    offers: [
      ['public-policy.advocacy', SKILLS, 3],
      ['research.studies', SKILLS, 3],
      ['funding.sponsorship.foundation', FUNDING, 2],
      ['communication.press', VISIBILITY, 3],
    ],
    needs: [
      ['public-policy.field-knowledge', 2],
      ['network.institutions', 2],
    ],
    causes: [1, 10, 11],
    forms: [POSITIONING, RESOURCES],
    memberOf: ['cau'],
  },
  {
    id: 'cau',
    name: 'Collectif des associations unies (pour une nouvelle politique du logement)',
    kind: ActorKind.NETWORK_HEAD,
    commune: '75056',
    actsInRegions: ['11'],
    offers: [
      ['public-policy.advocacy', SKILLS, 3],
      ['network.institutions', NETWORK, 2],
    ],
    needs: [
      ['communication.press', 2],
      ['research.studies', 2],
    ],
    causes: [1, 11],
    forms: [POSITIONING],
  },
  {
    id: 'secours-catholique',
    name: 'Secours Catholique – Caritas France',
    kind: ActorKind.ASSOCIATION,
    commune: '75056',
    actsInRegions: ['11'],
    offers: [
      ['public-policy.field-knowledge', SKILLS, 3],
      ['public-policy.advocacy', SKILLS, 2],
      ['volunteering.regular', SKILLS, 3],
    ],
    needs: [
      ['research.studies', 2],
      ['funding.project', 1],
    ],
    causes: [1, 10],
    forms: [POSITIONING, CO_PRODUCTION],
  },
  {
    id: 'fne',
    name: 'France Nature Environnement',
    kind: ActorKind.NETWORK_HEAD,
    commune: '75056',
    actsInRegions: ['11'],
    offers: [
      ['public-policy.advocacy', SKILLS, 3],
      ['legal.access-to-rights', SKILLS, 2],
      ['environment.biodiversity', SKILLS, 2],
    ],
    needs: [
      ['research.studies', 2],
      ['funding.project', 2],
    ],
    causes: [13, 14, 15],
    forms: [POSITIONING],
    memberOf: ['rac'],
  },
  {
    id: 'rac',
    name: 'Réseau Action Climat',
    kind: ActorKind.NETWORK_HEAD,
    commune: '93066',
    actsInRegions: ['11'],
    offers: [
      ['public-policy.advocacy', SKILLS, 3],
      ['research.studies', SKILLS, 2],
      ['network.institutions', NETWORK, 3],
    ],
    needs: [
      ['public-policy.field-knowledge', 2],
      ['communication.press', 1],
    ],
    causes: [13, 7],
    forms: [POSITIONING],
  },
  {
    id: 'cocagne-besancon',
    name: 'Jardins de Cocagne de Besançon (Chalezeule)',
    kind: ActorKind.WORK_INTEGRATION,
    commune: '25056',
    offers: [
      ['food.short-supply-chains', IN_KIND, 3],
      ['work-integration.siae', SKILLS, 3],
      ['public-policy.field-knowledge', SKILLS, 2],
    ],
    needs: [
      ['network.institutions', 2],
      ['funding.operating-grant', 2],
    ],
    causes: [2, 8, 12],
    forms: [POSITIONING, RESOURCES],
    memberOf: ['reseau-cocagne'],
  },
  {
    id: 'reseau-cocagne',
    name: 'Réseau Cocagne',
    kind: ActorKind.NETWORK_HEAD,
    commune: '25056',
    actsInRegions: ['27'],
    offers: [
      ['public-policy.advocacy', SKILLS, 3],
      ['network.institutions', NETWORK, 2],
      ['training.professional', SKILLS, 2],
    ],
    needs: [
      ['public-policy.field-knowledge', 2],
      ['funding.project', 2],
    ],
    causes: [2, 8],
    forms: [POSITIONING],
  },
  {
    id: 'uniopss',
    name: 'Uniopss',
    kind: ActorKind.NETWORK_HEAD,
    commune: '75056',
    actsInRegions: ['11'],
    offers: [
      ['public-policy.advocacy', SKILLS, 3],
      ['network.institutions', NETWORK, 3],
      ['legal.governance', SKILLS, 2],
    ],
    needs: [['public-policy.field-knowledge', 2]],
    causes: [1, 3, 10],
    forms: [POSITIONING],
  },
  {
    id: 'fas',
    name: 'Fédération des acteurs de la solidarité',
    kind: ActorKind.NETWORK_HEAD,
    commune: '75056',
    actsInRegions: ['11'],
    offers: [
      ['public-policy.advocacy', SKILLS, 3],
      ['public-policy.field-knowledge', SKILLS, 3],
    ],
    needs: [
      ['network.institutions', 2],
      ['research.studies', 1],
    ],
    causes: [1, 10, 11],
    forms: [POSITIONING],
  },
  {
    id: 'lma',
    name: 'Le Mouvement associatif',
    kind: ActorKind.NETWORK_HEAD,
    commune: '75056',
    actsInRegions: ['11'],
    offers: [
      ['public-policy.advocacy', SKILLS, 3],
      ['public-policy.field-knowledge', SKILLS, 2],
      ['network.institutions', NETWORK, 2],
    ],
    needs: [
      ['public-policy.co-design', 3],
      ['funding.operating-grant', 2],
    ],
    causes: [16, 17],
    forms: [POSITIONING],
  },
  {
    id: 'djepva',
    name: 'DJEPVA (direction de la jeunesse, de l’éducation populaire et de la vie associative)',
    kind: ActorKind.STATE_SERVICE,
    commune: '75056',
    actsInRegions: ['11'],
    offers: [
      ['public-policy.co-design', SKILLS, 3],
      ['funding.operating-grant', FUNDING, 2],
      ['public-policy.consultation', SKILLS, 2],
    ],
    needs: [['public-policy.field-knowledge', 2]],
    causes: [16, 17, 4],
    forms: [POSITIONING],
  },
];

export const FIXTURE_ALLIANCES: readonly FixtureAlliance[] = [
  {
    a: 'restos',
    b: 'carrefour',
    form: RESOURCES,
    what: 'Collecte nationale des Restos dans les magasins et dons de denrées',
    source:
      'Les Restos du Cœur, rapport annuel 2022-2023 (partenaires de la collecte nationale) ; presse nationale, mars 2023',
  },
  {
    a: 'adie',
    b: 'bnp',
    form: RESOURCES,
    what: 'Lignes de crédit pour le microcrédit et mécénat de compétences, partenariat depuis 1993',
    source: 'Adie, rapport annuel 2022 ; BNP Paribas, rapport d’engagement 2022',
  },
  {
    a: 'emmaus-connect',
    b: 'sfr',
    form: RESOURCES,
    what: 'Recharges et équipements solidaires pour l’inclusion numérique',
    source: 'Emmaüs Connect, rapport d’activité 2021 ; communiqués SFR (2013 et suivants)',
  },
  {
    a: 'unis-cite',
    b: 'asc',
    form: RESOURCES,
    what: 'Financement des missions de Service Civique (agrément national)',
    source: 'Unis-Cité, rapport d’activité 2022 ; Agence du Service Civique, rapport d’activité 2022',
  },
  {
    a: 'wimoov',
    b: 'renault',
    form: RESOURCES,
    what: 'Garages solidaires et véhicules pour la mobilité inclusive (programme Renault Mobiliz)',
    source: 'Groupe Renault, rapport Mobiliz 2019 ; Wimoov, rapport d’activité 2020',
  },
  {
    a: 'ffba',
    b: 'andes',
    form: RESOURCES,
    what: 'Approvisionnement des épiceries solidaires par les Banques Alimentaires',
    source: 'FFBA, rapport d’activité 2022 ; ANDES, rapport annuel 2022',
  },
  {
    a: 'mnhn',
    b: 'lpo',
    form: CO_PRODUCTION,
    what: 'Observatoire Oiseaux des jardins (Vigie-Nature), science participative',
    source: 'MNHN, Vigie-Nature, bilan 2021 ; LPO, rapport d’activité 2021',
  },
  {
    a: 'mnhn',
    b: 'noe',
    form: CO_PRODUCTION,
    what: 'Observatoire des papillons des jardins (Vigie-Nature), depuis 2006',
    source: 'Vigie-Nature (MNHN), présentation des observatoires ; Noé, rapport annuel 2020',
  },
  {
    a: 'emmaus-france',
    b: 'le-relais',
    form: CO_PRODUCTION,
    what: 'Collecte, tri et réemploi textile au sein du mouvement Emmaüs',
    source: 'Emmaüs France, rapport d’activité 2022 ; Le Relais, présentation du réseau',
  },
  {
    a: 'pfp',
    b: 'lyon',
    form: CO_PRODUCTION,
    what: 'Lutte contre l’isolement des âgés avec la commune (démarche Monalisa)',
    source:
      'Petits Frères des Pauvres, baromètre Solitude et isolement 2021 ; Monalisa, rapport d’activité 2019',
  },
  {
    a: 'afev',
    b: 'uga',
    form: CO_PRODUCTION,
    what: 'Mentorat d’enfants et de jeunes par des étudiants bénévoles',
    source: 'AFEV, rapport d’activité 2022 (conventions avec les universités)',
  },
  {
    a: 'tzcld',
    b: 'villeurbanne',
    form: CO_PRODUCTION,
    what: 'Expérimentation Territoire zéro chômeur (Saint-Jean, entreprise à but d’emploi EmerJean)',
    source: 'TZCLD, rapport d’activité 2021 ; Ville de Villeurbanne, délibérations 2016-2017',
  },
  {
    a: 'yes-we-camp',
    b: 'aurore',
    form: CO_PRODUCTION,
    what: 'Co-animation du site des Grands Voisins (Paris 14e, 2015-2020)',
    source: 'Les Grands Voisins, bilan 2015-2020 (Aurore, Yes We Camp, Plateau Urbain) ; Le Monde, 2020',
  },
  {
    a: 'aurore',
    b: 'plateau-urbain',
    form: POOLING,
    what: 'Partage et gestion commune des locaux des Grands Voisins',
    source: 'Les Grands Voisins, bilan 2015-2020 ; Plateau Urbain, rapport d’activité 2019',
  },
  {
    a: 'friche',
    b: 'radio-grenouille',
    form: POOLING,
    what: 'Locaux, équipements et services partagés à la Friche la Belle de Mai',
    source: 'Friche la Belle de Mai, rapport d’activité 2019 (structures résidentes)',
  },
  {
    a: 'psl',
    b: 'club',
    form: POOLING,
    what: 'Groupement d’employeurs : éducateurs sportifs et paie mutualisés entre clubs',
    source: 'Fédération nationale Profession Sport & Loisirs, rapport d’activité 2021',
  },
  {
    a: 'mres',
    b: 'adav',
    form: POOLING,
    what: 'Locaux, salles et services partagés entre associations membres de la MRES',
    source: 'MRES, rapport d’activité 2021 (associations membres)',
  },
  {
    a: 'fap',
    b: 'cau',
    form: POSITIONING,
    what: 'Plaidoyer commun pour une nouvelle politique du logement',
    source:
      'Fondation Abbé Pierre, rapport sur l’état du mal-logement 2023 ; Collectif des associations unies, plateforme 2022',
  },
  {
    a: 'fap',
    b: 'secours-catholique',
    form: POSITIONING,
    what: 'Pacte du pouvoir de vivre (2019) et plaidoyer contre la pauvreté',
    source: 'Pacte du pouvoir de vivre, lancement mars 2019 (presse nationale)',
  },
  {
    a: 'fne',
    b: 'rac',
    form: POSITIONING,
    what: 'Plaidoyer climat du Réseau Action Climat, dont FNE est membre',
    source: 'Réseau Action Climat, liste des associations membres 2023',
  },
  {
    a: 'cocagne-besancon',
    b: 'reseau-cocagne',
    form: POSITIONING,
    what: 'Représentation des jardins d’insertion par leur tête de réseau',
    source: 'Réseau Cocagne, rapport d’activité 2022 ; historique des Jardins de Cocagne (Chalezeule, 1991)',
  },
  {
    a: 'uniopss',
    b: 'fas',
    form: POSITIONING,
    what: 'Collectif ALERTE : plaidoyer commun contre la pauvreté',
    source: 'Uniopss, rapport d’activité 2022 (collectif ALERTE)',
  },
  {
    a: 'lma',
    b: 'djepva',
    form: POSITIONING,
    what: 'Charte des engagements réciproques État – associations – collectivités (2014)',
    source:
      'Charte des engagements réciproques, signée le 14 février 2014 ; Le Mouvement associatif, rapport 2014',
  },
];
