/**
 * Table sizes for `people` seated at tables of at most `seats`, using as few tables as
 * possible (at most `maxTables`) with sizes as even as possible, never a table of one.
 * Callers seat at most maxTables × seats people.
 */
export function tableSizes(people: number, seats: number, maxTables: number): number[] {
  if (people < 2) return [];
  const tables = Math.min(Math.ceil(people / seats), Number.isFinite(maxTables) ? maxTables : Infinity);
  if (tables <= 0) return [];
  const base = Math.floor(people / tables);
  const extra = people % tables;
  return Array.from({ length: tables }, (_, t) => Math.min(seats, base + (t < extra ? 1 : 0)));
}
