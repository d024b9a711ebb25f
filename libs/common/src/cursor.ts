import { COMMON_ERRORS } from './common-errors';

export const MAX_PAGE_SIZE = 100;

/** Opaque cursors: base64url of a JSON tuple, so clients cannot depend on their shape. */
export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, field: (string | number)[] = ['after']): (string | number)[] {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.every((v) => typeof v === 'string' || typeof v === 'number'))
      return parsed;
  } catch {
    // fall through
  }
  throw COMMON_ERRORS.badInput(`${field.join('.')}: malformed cursor`, { field, reason: 'invalid_cursor' });
}

export function checkPageSize(first: number | undefined, field: (string | number)[] = ['first']): number {
  const size = first ?? 20;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw COMMON_ERRORS.badInput(`${field.join('.')}: must be between 1 and ${MAX_PAGE_SIZE}`, {
      field,
      reason: 'page_size',
    });
  }
  return size;
}
