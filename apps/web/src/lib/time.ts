/** Times are shown in the event's time zone everywhere (a Grenoble event starting 10:00 reads
 * 10:00, not 09:00 UTC), whatever the browser's own zone. */
export const DEFAULT_TIME_ZONE = 'Europe/Paris';

export const TIME_ZONES = [
  'Europe/Paris',
  'Europe/Brussels',
  'Europe/Zurich',
  'Europe/Luxembourg',
  'America/Guadeloupe',
  'America/Martinique',
  'America/Cayenne',
  'Indian/Reunion',
  'Indian/Mayotte',
  'Pacific/Noumea',
  'Pacific/Tahiti',
  'America/Montreal',
  'UTC',
] as const;

/** The event's zone (its `timeZone` field), else the default. */
export function eventTimeZone(event: object | null | undefined): string {
  const zone = event && 'timeZone' in event ? event.timeZone : null;
  return typeof zone === 'string' && zone ? zone : DEFAULT_TIME_ZONE;
}

const locale = (lang: string) => (lang.startsWith('en') ? 'en-GB' : 'fr-FR');

export function formatDateTime(iso: string, timeZone: string, lang = 'fr'): string {
  return new Intl.DateTimeFormat(locale(lang), {
    timeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

export function formatDate(iso: string, timeZone: string, lang = 'fr'): string {
  return new Intl.DateTimeFormat(locale(lang), { timeZone, dateStyle: 'long' }).format(new Date(iso));
}

export function formatTime(iso: string | number | Date, timeZone: string, lang = 'fr'): string {
  return new Intl.DateTimeFormat(locale(lang), { timeZone, hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );
}

/** Offset of `timeZone` from UTC at instant `utcMs`, in milliseconds (Paris in summer: +2 h). */
export function zoneOffsetMs(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** The UTC instant (ISO) of a wall-clock date and time in `timeZone`: "2026-03-12" "10:00" in
 * Europe/Paris → 2026-03-12T09:00:00.000Z. */
export function zonedWallTimeToUtc(date: string, time: string, timeZone: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  let utc = wall - zoneOffsetMs(wall, timeZone);
  // Around a DST change the offset at the first guess may differ from the one at the answer.
  utc = wall - zoneOffsetMs(utc, timeZone);
  return new Date(utc).toISOString();
}
