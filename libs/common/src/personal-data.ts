import { SetMetadata } from '@nestjs/common';

/**
 * The person a request is about: the e-mail (lower-cased) and what the stores tie to it, gathered
 * from every part before any is read or erased, so free text naming the person (a CSV line, a
 * comment, a failure reason) is found too.
 */
export interface PersonalDataSubject {
  email: string;
  /** Names held with that e-mail (contact persons, representatives), lower-cased. */
  names: string[];
  /** Accounts whose e-mail it is. */
  userIds: string[];
}

/** What one part ties to an e-mail before reading: names and accounts (see PersonalDataSubject). */
export interface PersonalDataIdentity {
  names?: string[];
  userIds?: string[];
}

/**
 * One store's or one table's share of a person's data. Each lib that keeps personal data provides
 * one (or more) and marks it `@PersonalDataPart('name')`; the personal-data lib discovers them all,
 * so a new table with personal data adds its part without touching the orchestrator.
 */
export interface PersonalDataContributor {
  /** Names and accounts this part ties to the e-mail (optional). */
  identify?(email: string): Promise<PersonalDataIdentity>;
  /** Everything this part holds about the person, as plain JSON records. */
  export(subject: PersonalDataSubject): Promise<Record<string, unknown>[]>;
  /**
   * Removes or anonymises it (references kept: a registration keeps its actor, a survey its
   * outcome); idempotent: a second call finds nothing and returns 0. Returns the records changed.
   */
  erase(subject: PersonalDataSubject): Promise<number>;
  /** Retention: clears personal data last touched before `before` (3 years by default); records changed. */
  purgeExpired?(before: Date): Promise<number>;
}

export const PERSONAL_DATA_PART = 'maillage:personal-data-part';

/** Marks a provider class as a PersonalDataContributor named `part` (unique across the app). */
export const PersonalDataPart = (part: string) => SetMetadata(PERSONAL_DATA_PART, part);

/** What replaces an erased e-mail or name in free text. */
export const ERASED_TEXT = '[effacé]';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The subject's e-mail and names, for matching free text (names shorter than 4 characters are left out: too common). */
export function subjectTerms(subject: PersonalDataSubject): string[] {
  return [subject.email, ...subject.names.filter((n) => n.length >= 4)];
}

/** Whether the text mentions the subject (case-insensitive). */
export function mentions(text: string | null | undefined, subject: PersonalDataSubject): boolean {
  if (!text) return false;
  const lower = text.toLowerCase();
  return subjectTerms(subject).some((t) => lower.includes(t));
}

/** The text with every mention of the subject replaced by ERASED_TEXT (case-insensitive). */
export function redact(text: string, subject: PersonalDataSubject, replacement = ERASED_TEXT): string {
  const terms = subjectTerms(subject).sort((a, b) => b.length - a.length);
  if (!terms.length) return text;
  return text.replace(new RegExp(terms.map(escapeRegExp).join('|'), 'gi'), replacement);
}

/** A JSON value with every string mentioning the subject redacted (keys kept). */
export function redactJson<T>(value: T, subject: PersonalDataSubject): T {
  if (typeof value === 'string') return redact(value, subject) as T;
  if (Array.isArray(value)) return value.map((v) => redactJson(v, subject)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, redactJson(v, subject)]),
    ) as T;
  return value;
}

/** SQL LIKE patterns of the subject's terms, for `text ILIKE ANY($n)` (wildcards in terms escaped). */
export function likePatterns(subject: PersonalDataSubject): string[] {
  return subjectTerms(subject).map((t) => `%${t.replace(/[\\%_]/g, '\\$&')}%`);
}
