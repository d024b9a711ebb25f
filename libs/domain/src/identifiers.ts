/** SIREN: 9 digits with a Luhn checksum (INSEE). La Poste's historical SIREN is the one exception. */
export function isValidSiren(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  if (value === '356000000') return true;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let digit = Number(value[8 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** RNA (Répertoire national des associations): "W" followed by 9 digits. */
export function isValidRna(value: string): boolean {
  return /^W\d{9}$/.test(value);
}

/** Territory codes as stored in the graph: commune INSEE code (incl. 2A/2B), département, région ("R" + INSEE code), EPCI SIREN. */
export function isValidTerritoryCode(value: string): boolean {
  return (
    /^R\d{2}$/.test(value) ||
    /^(\d{2}|2[AB]|97\d)$/.test(value) ||
    /^(\d{5}|2[AB]\d{3})$/.test(value) ||
    /^\d{9}$/.test(value)
  );
}
