/** Lower-case, accent-free form used for prefix search on names ("Île-de-France" → "ile-de-france"). */
export function normaliseForSearch(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim();
}
