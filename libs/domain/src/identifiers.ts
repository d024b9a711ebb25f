/**
 * French identifiers: the one place that knows their shape and checks (API validators, the CSV
 * import, the synthetic generator).
 */

/** Luhn sum of a digit string: every second digit from the right doubled, starting with the rightmost one when `doubleRightmost`. */
function luhnSum(digits: string, doubleRightmost: boolean): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === (doubleRightmost ? 0 : 1)) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum;
}

/** SIREN: 9 digits with a Luhn checksum (INSEE). La Poste's historical SIREN is the one exception. */
export function isValidSiren(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  if (value === '356000000') return true;
  return luhnSum(value, false) % 10 === 0;
}

/** Luhn check digit making `body8 + digit` a valid SIREN. */
export function sirenCheckDigit(body8: string): number {
  if (!/^\d{8}$/.test(body8)) throw new Error(`SIREN body must be 8 digits: ${body8}`);
  // The check digit will sit at the rightmost position, so the body's rightmost digit is doubled.
  return (10 - (luhnSum(body8, true) % 10)) % 10;
}

/** The valid SIREN `body8 + check digit` ("55208131" → "552081317"). */
export function sirenFromBody(body8: string): string {
  return `${body8}${sirenCheckDigit(body8)}`;
}

/** A SIREN as people type it: spaces and dots dropped ("552 081 317"), a SIRET (SIREN + 5 digits) cut to its SIREN. */
export function normaliseSiren(raw: string): string {
  const digits = raw.replace(/[\s.\u00a0\u202f]/g, '');
  return /^\d{14}$/.test(digits) ? digits.slice(0, 9) : digits;
}

/** RNA (Répertoire national des associations): "W" followed by 9 digits. */
export function isValidRna(value: string): boolean {
  return /^W\d{9}$/.test(value);
}

/** An RNA number as people type it: spaces dropped, upper case ("w38 1234567" → "W381234567"). */
export function normaliseRna(raw: string): string {
  return raw.replace(/\s/g, '').toUpperCase();
}

/** Région territory code: "R" + its 2-digit INSEE code ("R84"; plain région codes collide with départements). */
export function isRegionTerritoryCode(value: string): boolean {
  return /^R\d{2}$/.test(value);
}

/** Département INSEE code: 2 digits, 2A/2B (Corsica) or 97x (overseas). */
export function isDepartementCode(value: string): boolean {
  return /^(\d{2}|2[AB]|97\d)$/.test(value);
}

/** Commune INSEE code: 5 characters, digits or 2A/2B + 3 digits (Corsica). */
export function isCommuneCode(value: string): boolean {
  return /^(\d{5}|2[AB]\d{3})$/.test(value);
}

/** EPCI code: its SIREN (9 digits; not Luhn-checked, as the COG publishes them). */
export function isEpciCode(value: string): boolean {
  return /^\d{9}$/.test(value);
}

/** Territory codes as stored in the graph: commune INSEE code (incl. 2A/2B), département, région ("R" + INSEE code), EPCI SIREN. */
export function isValidTerritoryCode(value: string): boolean {
  return (
    isRegionTerritoryCode(value) || isDepartementCode(value) || isCommuneCode(value) || isEpciCode(value)
  );
}

/**
 * An INSEE territory code as spreadsheets print it: spaces dropped, upper case (2a → 2A), and the
 * leading zero they drop restored ("1053" is commune 01053, "1" is département 01).
 */
export function normaliseTerritoryCode(raw: string): string {
  const code = raw.replace(/\s/g, '').toUpperCase();
  if (/^\d$/.test(code) || /^\d{4}$/.test(code)) return `0${code}`;
  return code;
}
