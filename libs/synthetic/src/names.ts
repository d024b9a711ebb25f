import { Rng } from '@maillage/domain';
import NAMES from './names.json';

/**
 * French-sounding, plausible but invented names. Real places come from the geography. The word
 * lists (surnames, famous figures for schools, name words, sports, lab disciplines, tech name
 * heads) are plain data in names.json; the grammar and the patterns are here.
 */

export const SURNAMES: readonly string[] = NAMES.surnames;
const FIGURES: readonly string[] = NAMES.figures;
const WORDS: readonly string[] = NAMES.words;
const SPORTS: readonly string[] = NAMES.sports;
const LAB_DISCIPLINES: readonly string[] = NAMES.labDisciplines;
const TECH_HEADS: readonly string[] = NAMES.techHeads;
const TECH_TAILS = ['tek', 'dia', 'via', 'lab', 'soft', 'nova', 'data', 'lys', 'sys', 'net', 'code', 'log'];
const LEGAL_FORMS = ['', '', '', ' SAS', ' SARL', ' SA', ' SCOP'];

/** "de Grenoble", "d'Échirolles", "du Touvet", "des Avenières", "de La Tronche". */
export function deCommune(name: string): string {
  if (name.startsWith('Le ')) return `du ${name.slice(3)}`;
  if (name.startsWith('Les ')) return `des ${name.slice(4)}`;
  return startsWithVowel(name) ? `d'${name}` : `de ${name}`;
}

const MASCULINE_DEPARTEMENTS = new Set([
  'Rhône',
  'Finistère',
  'Vaucluse',
  'Val-de-Marne',
  "Val-d'Oise",
  'Maine-et-Loire',
  'Lot-et-Garonne',
  'Tarn-et-Garonne',
  'Puy-de-Dôme',
  'Territoire de Belfort',
  'Calvados',
  'Doubs',
  'Pas-de-Calais',
  'Gers',
  'Cantal',
  'Cher',
  'Gard',
  'Jura',
  'Lot',
  'Loiret',
  'Nord',
  'Var',
  'Tarn',
  'Morbihan',
  'Haut-Rhin',
  'Bas-Rhin',
  'Loir-et-Cher',
]);
const NO_ARTICLE = new Set(['Paris', 'Mayotte', 'La Réunion']);

/** "de l'Isère", "de la Savoie", "du Rhône", "des Hautes-Alpes", "de Paris". */
export function deDepartement(name: string): string {
  if (NO_ARTICLE.has(name)) return `de ${name}`;
  if (
    /^(Hauts|Hautes|Deux|Bouches|Alpes|Pyrénées|Côtes)-/.test(name) ||
    /^(Landes|Vosges|Yvelines|Ardennes)$/.test(name)
  ) {
    return `des ${name}`;
  }
  if (startsWithVowel(name) || name === 'Hérault') return `de l'${name}`;
  if (MASCULINE_DEPARTEMENTS.has(name)) return `du ${name}`;
  return name.endsWith('e') ? `de la ${name}` : `du ${name}`;
}

function startsWithVowel(name: string): boolean {
  return /^[AEIOUYÉÈÊÂÎÔ]/i.test(name);
}

export interface NamePlace {
  commune: string;
  communePopulation: number;
  departement: string;
  region: string;
  epci?: string;
}

/** Names by kind and sector; `place` supplies real territory names. */
export class NameFactory {
  constructor(private readonly rng: Rng) {}

  word(): string {
    return this.rng.pick(WORDS);
  }

  surname(): string {
    return this.rng.pick(SURNAMES);
  }

  association(sector: string, p: NamePlace): string {
    const r = this.rng;
    const de = deCommune(p.commune);
    const w = this.word();
    const patterns: Record<string, (() => string)[]> = {
      sport: [
        () => `Club ${r.pick(SPORTS)} ${de}`,
        () => `Union sportive ${de}`,
        () => `Association sportive ${de}`,
        () => `Entente ${r.pick(SPORTS)} ${p.commune}`,
        () => `Cercle ${r.pick(SPORTS)} ${w}`,
      ],
      culture: [
        () => `Compagnie ${w}`,
        () => `Harmonie ${de}`,
        () => `Chorale ${w}`,
        () => `Les Amis du patrimoine ${de}`,
        () => `Festival ${w}`,
        () => `Atelier théâtre ${w}`,
        () => `Ciné-club ${de}`,
      ],
      education: [
        () => `MJC ${de}`,
        () => `Centre social ${w}`,
        () => `Foyer rural ${de}`,
        () => `Comité des fêtes ${de}`,
        () => `Amicale laïque ${de}`,
        () => `Ludothèque ${w}`,
        () => `Soutien scolaire ${w}`,
      ],
      social: [
        () => `Entraide ${de}`,
        () => `Épicerie solidaire ${w}`,
        () => `Accueil ${w}`,
        () => `Familles solidaires ${de}`,
        () => `Le Relais solidaire ${de}`,
        () => `Aide à domicile ${de}`,
      ],
      health: [
        () => `Association des aidants ${de}`,
        () => `Prévention santé ${p.commune}`,
        () => `Handi ${w}`,
        () => `Écoute et soutien ${de}`,
      ],
      environment: [
        () => `Les Jardins partagés ${de}`,
        () => `${p.commune} en transition`,
        () => `Nature et patrimoine ${de}`,
        () => `Repair café ${de}`,
        () => `Vélo ${w}`,
        () => `Zéro déchet ${p.commune}`,
      ],
      employment: [
        () => `Tremplin emploi ${de}`,
        () => `Passerelle emploi ${p.commune}`,
        () => `Parrainage vers l'emploi ${de}`,
      ],
      rights: [
        () => `Collectif citoyen ${de}`,
        () => `Maison des droits ${de}`,
        () => `Réseau d'accueil ${w}`,
        () => `Égalité ${w}`,
      ],
      local: [
        () => `Union des commerçants ${de}`,
        () => `Comité de quartier ${w}`,
        () => `Tiers-lieu ${w}`,
        () => `Les Amis ${de}`,
      ],
      international: [
        () => `${p.commune} Solidarité Sahel`,
        () => `Comité de jumelage ${de}`,
        () => `Échanges ${w}`,
      ],
    };
    return r.pick(patterns[sector] ?? patterns.social)();
  }

  company(sector: string, p: NamePlace): string {
    const r = this.rng;
    const s = this.surname();
    const tech = () => `${r.pick(TECH_HEADS)}${r.pick(TECH_TAILS)}`;
    const patterns: Record<string, (() => string)[]> = {
      accounting: [() => `Cabinet ${s}`, () => `${s} & Associés Expertise`, () => `Fiduciaire ${s}`],
      legal: [() => `${s} Avocats`, () => `Cabinet ${s} & ${this.surname()}`],
      digital: [() => tech(), () => `${tech()} Numérique`, () => `${tech()} Informatique`],
      communication: [() => `Agence ${this.word()}`, () => `Studio ${tech()}`, () => `${s} Communication`],
      bank: [
        () => `Mutuelle ${this.word()}`,
        () => `Assurances ${s}`,
        () => `Banque coopérative ${deDepartement(p.departement)}`,
      ],
      construction: [
        () => `${s} Bâtiment`,
        () => `Entreprise ${s} & Fils`,
        () => `Menuiserie ${s}`,
        () => `${p.commune} Rénovation`,
      ],
      retail: [
        () => `Boulangerie ${s}`,
        () => `Supermarché ${deCommune(p.commune)}`,
        () => `Primeurs ${s}`,
        () => `Épicerie ${this.word()}`,
      ],
      industry: [
        () => `${s} Industries`,
        () => `Mécanique de précision ${s}`,
        () => `${tech()} Composites`,
        () => `Plasturgie ${s}`,
      ],
      energy: [() => `${tech()} Énergies`, () => `Solaire ${p.commune}`, () => `${s} Environnement`],
      transport: [
        () => `Transports ${s}`,
        () => `${tech()} Logistique`,
        () => `Taxis ${deCommune(p.commune)}`,
      ],
      hospitality: [() => `Hôtel ${this.word()}`, () => `Restaurant ${s}`, () => `Traiteur ${s}`],
      consulting: [() => `${s} Conseil`, () => `${tech()} RH`, () => `Cabinet ${tech()} Recrutement`],
      care: [() => `Pharmacie ${this.word()}`, () => `Clinique ${this.word()}`, () => `Laboratoire ${s}`],
    };
    return `${r.pick(patterns[sector] ?? patterns.consulting)()}${r.pick(LEGAL_FORMS)}`;
  }

  foundation(): string {
    const r = this.rng;
    return r.pick([
      () => `Fondation ${this.surname()}`,
      () => `Fonds de dotation ${this.word()}`,
      () => `Fondation ${this.word()}`,
      () => `Fondation ${this.surname()} pour l'enfance`,
    ])();
  }

  corporateFoundation(p: NamePlace): string {
    const sector = this.rng.pick(['industry', 'bank', 'retail', 'energy', 'digital', 'construction']);
    return `Fondation d'entreprise ${this.company(sector, p).replace(/ (SAS|SARL|SA|SCOP)$/, '')}`;
  }

  stateService(p: NamePlace): string {
    const dep = deDepartement(p.departement);
    return this.rng.pick([
      () => `France Travail – agence ${deCommune(p.commune)}`,
      () => `Direction départementale de l'emploi, du travail et des solidarités ${dep}`,
      () => `Service départemental à la jeunesse, à l'engagement et aux sports ${dep}`,
      () =>
        p.communePopulation > 15_000
          ? `Sous-préfecture ${deCommune(p.commune)}`
          : `Maison France Services ${deCommune(p.commune)}`,
      () => `Préfecture ${dep}`,
      () => `Caisse d'allocations familiales ${dep}`,
      () => `Délégation départementale de l'ARS ${dep}`,
      () => `Direction départementale des territoires ${dep}`,
    ])();
  }

  school(p: NamePlace): string {
    const r = this.rng;
    const figure = r.pick(FIGURES);
    const options: (() => string)[] = [
      () => `École élémentaire ${figure}`,
      () => `Collège ${figure}`,
      () => `Lycée ${figure}`,
      () => `Lycée professionnel ${figure}`,
      () => `Lycée agricole ${deCommune(p.commune)}`,
      () => `CFA des métiers ${deCommune(p.commune)}`,
    ];
    if (p.communePopulation > 30_000) {
      options.push(
        () => `IUT ${deCommune(p.commune)}`,
        () => `Institut de formation en soins infirmiers ${deCommune(p.commune)}`,
      );
    }
    if (p.communePopulation > 100_000) options.push(() => `Université ${deCommune(p.commune)}`);
    return r.pick(options)();
  }

  researchLab(): string {
    const r = this.rng;
    const letters = 'ABCDEFGHILMNOPRSTUV';
    let acronym = '';
    const len = r.int(3, 5);
    for (let i = 0; i < len; i++) acronym += letters[r.int(0, letters.length - 1)];
    const discipline = r.pick(LAB_DISCIPLINES);
    return r.pick([
      () => `Laboratoire ${acronym} (${discipline})`,
      () => `Unité de recherche ${acronym} – ${discipline}`,
      () => `Chaire ${discipline} et territoires`,
    ])();
  }

  workIntegration(sector: string, p: NamePlace): string {
    const r = this.rng;
    const w = this.word();
    const bySector: Record<string, (() => string)[]> = {
      reuse: [() => `Ressourcerie ${w}`, () => `Recyclerie ${deCommune(p.commune)}`],
      green: [() => `Chantier d'insertion ${w}`, () => `Jardins solidaires ${deCommune(p.commune)}`],
      building: [
        () => `Entreprise d'insertion ${w} Bâtiment`,
        () => `Régie de quartier ${deCommune(p.commune)}`,
      ],
      food: [() => `Restaurant d'insertion ${w}`, () => `Cuisine solidaire ${w}`],
      services: [
        () => `Association intermédiaire ${w}`,
        () => `Entreprise de travail temporaire d'insertion ${w}`,
      ],
    };
    return r.pick(bySector[sector] ?? bySector.services)();
  }

  networkHead(sector: string, p: NamePlace): string {
    const dep = deDepartement(p.departement);
    const themes: Record<string, string> = {
      sport: 'des clubs sportifs',
      culture: 'des associations culturelles',
      education: 'des centres sociaux',
      social: 'des épiceries solidaires',
      health: "des associations d'aide à domicile",
      environment: 'des jardins partagés',
      employment: "des structures d'insertion",
      rights: 'des associations familiales',
      local: 'des foyers ruraux',
      international: 'des associations de solidarité internationale',
    };
    const theme = themes[sector] ?? 'des associations';
    return this.rng.pick([
      () => `Fédération départementale ${theme} ${dep}`,
      () => `Union départementale ${theme} ${dep}`,
      () => `Réseau ${this.word()} ${dep}`,
      () => `Union régionale ${theme} (${p.region})`,
      () => `Mouvement associatif (${p.region})`,
    ])();
  }

  supportStructure(p: NamePlace): string {
    const dep = deDepartement(p.departement);
    return this.rng.pick([
      () => `Maison des associations ${deCommune(p.commune)}`,
      () => `Point d'appui à la vie associative ${deCommune(p.commune)}`,
      () => `Dispositif local d'accompagnement ${dep}`,
      () => `Pépinière ESS ${this.word()}`,
      () => `Incubateur d'innovation sociale ${this.word()}`,
      () => `Centre de ressources des bénévoles ${dep}`,
      () => `Coopérative d'activité et d'emploi ${this.word()}`,
    ])();
  }
}
