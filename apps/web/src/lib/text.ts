/** Case- and accent-insensitive form for client-side search (« Évènement » matches « evenement »). */
export const normalise = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
