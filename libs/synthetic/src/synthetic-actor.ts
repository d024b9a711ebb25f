import { ActorFamily, ActorKind, AllianceForm, Level, Modality, Priority, SizeBand } from '@maillage/domain';

/** One generated actor, as plain data (the same shape the CSV import and the graph loader accept). */
export interface SyntheticActor {
  /** Stable external id, e.g. "syn-38-000042" — re-generating with the same seed gives the same ids. */
  externalId: string;
  name: string;
  kind: ActorKind;
  family: ActorFamily;
  siren?: string;
  rna?: string;
  sizeBand: SizeBand;
  description: string;
  /** INSEE code of the commune where it is located. */
  communeCode: string;
  /** Territory codes it acts in (communes, EPCI SIREN, département or région codes). */
  actsIn: string[];
  offers: { competenceId: string; modality: Modality; level: Level }[];
  needs: { competenceId: string; priority: Priority }[];
  /** SDG numbers 1..17. */
  causes: number[];
  allianceForms: AllianceForm[];
}

/** Generator input. Deterministic: the same options give the same actors. */
export interface GenerateActorsOptions {
  seed: number;
  count: number;
  /** Communes to place actors in, with their EPCI, département and région codes and population (weights placement). */
  communes: {
    code: string;
    epci?: string;
    departement: string;
    region: string;
    population: number;
    name?: string;
  }[];
  /** Competence ids (leaves and mid-level) with a popularity weight; the generator skews draws by it. */
  competences: { id: string; popularity: number; modalities: Modality[]; label?: string }[];
  idPrefix?: string;
  /**
   * Optional names of the territories by code (communes, EPCI, départements, régions), used to
   * name public actors and places; codes stand in for missing names.
   */
  territoryNames?: Record<string, string>;
  /**
   * Two-digit block (0–99) for SIREN and RNA numbers: generations with different blocks never
   * collide. Default: derived from idPrefix.
   */
  identifierBlock?: number;
}
