/**
 * The one search form of a name, for actors and territories alike (stored as `searchName`, and
 * applied to every search term): lower case, no diacritics, ligatures expanded, every run of
 * characters that are neither letters nor digits as one space, trimmed.
 * "Saint-Martin-d'Hères" → "saint martin d heres", "  ÉCHIROLLES " → "echirolles", "Œuilly" → "oeuilly".
 * Letters of any script are kept (an actor's name may not be French).
 */
export function normaliseForSearch(value: string): string {
  return value
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Version of normaliseForSearch. Bump it whenever the function's output changes: the seed step
 * `search-names` (ReferenceSeeder) then rewrites the stored `searchName` of every Actor and Territory.
 * 1: lower case without accents (actors) / punctuation as spaces (territories); 2: one rule for both.
 */
export const SEARCH_NAME_VERSION = '2';
