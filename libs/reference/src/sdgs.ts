import sdgSeed from '../../../graph-seeds/sdgs.json';

/** One UN Sustainable Development Goal ("Objectif de développement durable", ODD). */
export interface SdgRow {
  /** 1..17 */
  sdg: number;
  /** Official French label, e.g. "Faim « zéro »". */
  label: string;
  /** English label, e.g. "Zero hunger". */
  labelEn: string;
  /** Short French statement of the goal. */
  description: string;
  /** Official UN colour, "#RRGGBB". */
  color: string;
}

export interface SdgSeed {
  name: string;
  version: string;
  sdgs: SdgRow[];
}

/** The 17 SDGs from graph-seeds/sdgs.json (a fresh copy on each call). */
export function loadSdgs(): SdgRow[] {
  return sdgSeedFile().sdgs.map((row) => ({ ...row }));
}

export function sdgSeedFile(): SdgSeed {
  return sdgSeed as SdgSeed;
}
