import {
  DEFAULT_TIME_ZONE,
  isSupportedTimeZone,
  localDate,
  localDateTime,
  localIso,
  localParts,
  localTime,
  utcOffset,
} from './time-zone';

describe('times in the event time zone', () => {
  const winter = new Date('2026-12-01T09:00:00Z');
  const summer = new Date('2026-07-01T09:00:00Z');

  it('prints a 09:00Z start as 10:00 in Paris in winter and 11:00 in summer', () => {
    expect(localTime(winter, DEFAULT_TIME_ZONE)).toBe('10:00');
    expect(localTime(summer, DEFAULT_TIME_ZONE)).toBe('11:00');
    expect(utcOffset(winter, 'Europe/Paris')).toBe('UTC+01:00');
    expect(utcOffset(summer, 'Europe/Paris')).toBe('UTC+02:00');
  });

  it('follows the DST change inside one day (Paris, 29 March 2026)', () => {
    expect(localTime(new Date('2026-03-29T00:30:00Z'), 'Europe/Paris')).toBe('01:30');
    expect(localTime(new Date('2026-03-29T01:30:00Z'), 'Europe/Paris')).toBe('03:30');
  });

  it('gives the local calendar date, which may differ from the UTC one', () => {
    const lateUtc = new Date('2026-12-31T23:30:00Z');
    expect(localDate(lateUtc, 'Europe/Paris')).toBe('2027-01-01');
    expect(localDateTime(lateUtc, 'Europe/Paris')).toBe('2027-01-01 00:30');
    expect(localDateTime(lateUtc, 'UTC')).toBe('2026-12-31 23:30');
    expect(localTime(winter, 'America/Martinique')).toBe('05:00');
    expect(localTime(winter, 'Indian/Reunion')).toBe('13:00');
  });

  it('writes ISO 8601 with the offset, and the wall-clock parts', () => {
    expect(localIso(winter, 'Europe/Paris')).toBe('2026-12-01T10:00:00+01:00');
    expect(localIso(winter, 'UTC')).toBe('2026-12-01T09:00:00Z');
    expect(new Date(localIso(summer, 'Europe/Paris')).getTime()).toBe(summer.getTime());
    expect(localParts(summer, 'Europe/Paris')).toEqual([2026, 7, 1, 11, 0]);
  });

  it('accepts IANA zones the runtime supports and refuses others', () => {
    expect(isSupportedTimeZone('Europe/Paris')).toBe(true);
    expect(isSupportedTimeZone('UTC')).toBe(true);
    expect(isSupportedTimeZone('Pacific/Noumea')).toBe(true);
    expect(isSupportedTimeZone('Europe/Grenoble')).toBe(false);
    expect(isSupportedTimeZone('CET; DROP TABLE')).toBe(false);
    expect(isSupportedTimeZone('')).toBe(false);
  });
});
