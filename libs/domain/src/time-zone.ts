/**
 * Times shown to people are in the event's time zone (IANA name, Europe/Paris by default): screen,
 * PDF, CSV, ICS. One place formats them, with Intl (no hand-made offsets: DST is the runtime's).
 */
export const DEFAULT_TIME_ZONE = 'Europe/Paris';

let supported: Set<string> | undefined;

/** An IANA zone the runtime knows (Intl.supportedValuesOf), or UTC. */
export function isSupportedTimeZone(zone: string): boolean {
  supported ??= new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);
  return supported.has(zone);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsIn(date: Date, zone: string): Record<string, string> {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    });
    formatters.set(zone, f);
  }
  return Object.fromEntries(f.formatToParts(date).map((p) => [p.type, p.value]));
}

/** "10:00": the wall-clock time in the zone. */
export function localTime(date: Date, zone: string): string {
  const p = partsIn(date, zone);
  return `${p.hour}:${p.minute}`;
}

/** "2026-12-01": the calendar date in the zone. */
export function localDate(date: Date, zone: string): string {
  const p = partsIn(date, zone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** "2026-12-01 10:00". */
export function localDateTime(date: Date, zone: string): string {
  return `${localDate(date, zone)} ${localTime(date, zone)}`;
}

/** "UTC+01:00" (or "UTC" at offset 0): the zone's offset at that instant. */
export function utcOffset(date: Date, zone: string): string {
  const name = (partsIn(date, zone).timeZoneName ?? 'GMT').replace('GMT', 'UTC');
  return name === 'UTC' || name === 'UTC+00:00' ? 'UTC' : name;
}

/** "2026-12-01T10:00:00+01:00": ISO 8601 with the zone's offset, for files people read. */
export function localIso(date: Date, zone: string): string {
  const p = partsIn(date, zone);
  const offset = utcOffset(date, zone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:00${offset === 'UTC' ? 'Z' : offset.slice(3)}`;
}

/** [year, month, day, hour, minute] of the wall clock in the zone (calendar files with TZID). */
export function localParts(date: Date, zone: string): [number, number, number, number, number] {
  const p = partsIn(date, zone);
  return [Number(p.year), Number(p.month), Number(p.day), Number(p.hour), Number(p.minute)];
}
