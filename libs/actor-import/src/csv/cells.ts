import {
  ACTOR_KIND_LABELS_FR,
  ActorKind,
  AllianceForm,
  Modality,
  SizeBand,
  Visibility,
} from '@maillage/domain';
import type { ActorImportRowReason } from '../actor-import.errors';
import { normaliseHeader } from './columns';

/** A cell that could not be read; messages never echo contact values (personal data). */
export class CellError {
  constructor(
    readonly reason: ActorImportRowReason,
    readonly message: string,
  ) {}
}

export type Cell<T> = T | CellError;

export const LIST_SEPARATOR = '|';

export function splitList(cell: string): string[] {
  return cell
    .split(LIST_SEPARATOR)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Enum values match case- and accent-insensitively, by code or by a French word. */
function enumReader<E extends string>(values: readonly E[], aliases: Record<E, string[]>) {
  const byKey = new Map<string, E>();
  for (const value of values) {
    byKey.set(normaliseHeader(value), value);
    for (const alias of aliases[value]) byKey.set(normaliseHeader(alias), value);
  }
  return (cell: string): E | undefined => byKey.get(normaliseHeader(cell));
}

const KIND_ALIASES: Record<ActorKind, string[]> = {
  [ActorKind.ASSOCIATION]: ['asso'],
  [ActorKind.FOUNDATION]: ['fondation'],
  [ActorKind.COMPANY]: ['entreprise', 'société', 'societe'],
  [ActorKind.CORPORATE_FOUNDATION]: ['fondation entreprise'],
  [ActorKind.COMMUNE]: ['mairie'],
  [ActorKind.EPCI]: ['intercommunalité', 'communauté de communes', "communauté d'agglomération", 'métropole'],
  [ActorKind.DEPARTEMENT]: ['département', 'conseil départemental'],
  [ActorKind.REGION]: ['région', 'conseil régional'],
  [ActorKind.STATE_SERVICE]: ["service de l'État", 'État', 'service État'],
  [ActorKind.SCHOOL]: ['école', 'collège', 'lycée', 'université', 'établissement scolaire'],
  [ActorKind.RESEARCH_LAB]: ['laboratoire', 'labo'],
  [ActorKind.WORK_INTEGRATION]: ['SIAE', 'IAE', 'insertion', "structure d'insertion"],
  [ActorKind.NETWORK_HEAD]: ['tête de réseau', 'fédération'],
  [ActorKind.SUPPORT_STRUCTURE]: ["structure d'accompagnement", 'accompagnement'],
};
for (const kind of Object.values(ActorKind)) KIND_ALIASES[kind].push(ACTOR_KIND_LABELS_FR[kind]);

export const readKind = enumReader(Object.values(ActorKind), KIND_ALIASES);
export const readSizeBand = enumReader(Object.values(SizeBand), {
  [SizeBand.NONE]: ['aucun', 'aucune', 'sans salarié', '0'],
  [SizeBand.MICRO]: ['TPE'],
  [SizeBand.SMALL]: ['petite', 'petit'],
  [SizeBand.MEDIUM]: ['moyenne', 'moyen'],
  [SizeBand.LARGE]: ['grande', 'grand'],
});
export const readVisibility = enumReader(Object.values(Visibility), {
  [Visibility.PUBLIC]: ['publique'],
  [Visibility.NETWORK]: ['réseau'],
  [Visibility.PRIVATE]: ['privé', 'privée'],
});
export const readModality = enumReader(Object.values(Modality), {
  [Modality.SKILLS]: ['compétences', 'compétence', 'mécénat de compétences', 'bénévolat'],
  [Modality.FUNDING]: ['financement', 'financier'],
  [Modality.IN_KIND]: ['nature', 'en nature', 'don en nature'],
  [Modality.PREMISES]: ['locaux', 'local', 'équipements'],
  [Modality.NETWORK]: ['réseau'],
  [Modality.VISIBILITY]: ['visibilité'],
});
export const readAllianceForm = enumReader(Object.values(AllianceForm), {
  [AllianceForm.POSITIONING]: ['positionnement', 'plaidoyer'],
  [AllianceForm.CO_PRODUCTION]: ['coproduction'],
  [AllianceForm.POOLING]: ['mutualisation'],
  [AllianceForm.RESOURCES]: ['ressources', 'ressource'],
});

export function readEnum<E extends string>(
  cell: string,
  reader: (cell: string) => E | undefined,
  values: readonly E[],
  what: string,
  reason: ActorImportRowReason,
): Cell<E> {
  return (
    reader(cell) ?? new CellError(reason, `unknown ${what} "${cell}" (expected one of ${values.join(', ')})`)
  );
}

/** Strict small integer: "2" yes, "2.5", "deux" or "" no. */
function readInt(value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined || !/^\d{1,2}$/.test(value.trim())) return undefined;
  const n = Number(value.trim());
  return n >= min && n <= max ? n : undefined;
}

export function readOffers(
  cell: string,
): Cell<{ competenceId: string; modality: Modality; level: number }[]> {
  const offers: { competenceId: string; modality: Modality; level: number }[] = [];
  for (const [i, item] of splitList(cell).entries()) {
    const [competenceId = '', modality = '', level, ...rest] = item.split(':').map((p) => p.trim());
    const where = `offer ${i + 1} ("${item}")`;
    if (!competenceId || !modality || rest.length) {
      return new CellError(
        'invalid_offer',
        `${where}: expected competenceId:MODALITY:level, e.g. finance.accounting:SKILLS:2`,
      );
    }
    const m = readModality(modality);
    if (!m) {
      return new CellError(
        'invalid_modality',
        `${where}: unknown modality "${modality}" (expected one of ${Object.values(Modality).join(', ')})`,
      );
    }
    const lvl = level === undefined || level === '' ? 2 : readInt(level, 1, 3);
    if (lvl === undefined) return new CellError('invalid_level', `${where}: level must be 1, 2 or 3`);
    offers.push({ competenceId, modality: m, level: lvl });
  }
  return dedupe(
    offers,
    (o) => `${o.competenceId}|${o.modality}`,
    (o) => o.level,
  );
}

export function readNeeds(cell: string): Cell<{ competenceId: string; priority: number }[]> {
  const needs: { competenceId: string; priority: number }[] = [];
  for (const [i, item] of splitList(cell).entries()) {
    const [competenceId = '', priority, ...rest] = item.split(':').map((p) => p.trim());
    const where = `need ${i + 1} ("${item}")`;
    if (!competenceId || rest.length) {
      return new CellError(
        'invalid_need',
        `${where}: expected competenceId:priority, e.g. finance.accounting:3`,
      );
    }
    const p = priority === undefined || priority === '' ? 2 : readInt(priority, 1, 3);
    if (p === undefined) return new CellError('invalid_priority', `${where}: priority must be 1, 2 or 3`);
    needs.push({ competenceId, priority: p });
  }
  return dedupe(
    needs,
    (n) => n.competenceId,
    (n) => n.priority,
  );
}

export function readCauses(cell: string): Cell<number[]> {
  const causes = new Set<number>();
  for (const item of splitList(cell)) {
    const match = /^(?:odd|sdg)?\s*(\d{1,2})$/i.exec(item);
    const sdg = match ? readInt(match[1], 1, 17) : undefined;
    if (sdg === undefined) return new CellError('invalid_cause', `"${item}" is not an SDG number (1 to 17)`);
    causes.add(sdg);
  }
  return [...causes];
}

export function readAllianceForms(cell: string): Cell<AllianceForm[]> {
  const forms = new Set<AllianceForm>();
  for (const item of splitList(cell)) {
    const form = readAllianceForm(item);
    if (!form) {
      return new CellError(
        'invalid_alliance_form',
        `unknown alliance form "${item}" (expected ${Object.values(AllianceForm).join(', ')})`,
      );
    }
    forms.add(form);
  }
  return [...forms];
}

/** The same competence twice (per modality for offers) keeps the highest level or priority, as the API does. */
function dedupe<T>(items: T[], key: (t: T) => string, weight: (t: T) => number): T[] {
  const byKey = new Map<string, T>();
  for (const item of items) {
    const prev = byKey.get(key(item));
    if (!prev || weight(prev) < weight(item)) byKey.set(key(item), item);
  }
  return [...byKey.values()];
}
