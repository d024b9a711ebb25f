/** The CSV columns an actor import understands (canonical names, as documented in docs/csv-import.md). */
export const COLUMNS = [
  'external_id',
  'name',
  'kind',
  'siren',
  'rna',
  'description',
  'size_band',
  'visibility',
  'commune',
  'acts_in',
  'offers',
  'needs',
  'causes',
  'alliance_forms',
  'contact_name',
  'contact_email',
  'contact_phone',
] as const;

export type Column = (typeof COLUMNS)[number];

export const REQUIRED_COLUMNS: Column[] = ['name', 'kind'];
/** Columns a re-import matches on, in matching order. */
export const KEY_COLUMNS = ['siren', 'rna', 'external_id'] as const;
export type KeyColumn = (typeof KEY_COLUMNS)[number];
export const CONTACT_COLUMNS: Column[] = ['contact_name', 'contact_email', 'contact_phone'];

/** French headers labs already use, after normaliseHeader(). */
const ALIASES: Record<Column, string[]> = {
  external_id: ['id', 'identifiant', 'id_externe', 'identifiant_externe', 'reference', 'ref'],
  name: ['nom', 'raison_sociale', 'denomination', 'nom_de_la_structure', 'structure'],
  kind: ['type', 'type_de_structure', 'nature', 'categorie'],
  siren: ['numero_siren', 'n_siren', 'siret', 'numero_siret', 'n_siret'],
  rna: ['numero_rna', 'n_rna', 'rna_id'],
  description: ['presentation', 'objet', 'objet_social'],
  size_band: ['taille', 'tranche_effectif', 'tranche_d_effectif', 'effectif'],
  visibility: ['visibilite'],
  commune: ['code_commune', 'commune_insee', 'code_insee', 'insee', 'localisation'],
  acts_in: ['territoires', 'territoires_d_action', 'zone_d_action', 'agit_sur'],
  offers: ['offres', 'propose', 'ressources_offertes'],
  needs: ['besoins', 'recherche', 'ressources_recherchees'],
  causes: ['odd', 'sdg', 'sdgs', 'objectifs', 'objectifs_de_developpement_durable'],
  alliance_forms: ['formes_d_alliance', 'formes_alliance', 'alliances_recherchees', 'alliances'],
  contact_name: ['contact', 'contact_nom', 'nom_du_contact', 'nom_contact', 'interlocuteur'],
  contact_email: [
    'contact_courriel',
    'courriel',
    'email',
    'e_mail',
    'mail',
    'email_contact',
    'courriel_contact',
  ],
  contact_phone: ['contact_telephone', 'telephone', 'tel', 'telephone_contact', 'contact_tel'],
};

const BY_HEADER = new Map<string, Column>();
for (const column of COLUMNS) {
  BY_HEADER.set(column, column);
  for (const alias of ALIASES[column]) BY_HEADER.set(alias, column);
}

/** "Formes d'alliance " → "formes_d_alliance": case, accents and punctuation do not matter. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

export function columnOf(header: string): Column | undefined {
  return BY_HEADER.get(normaliseHeader(header));
}
