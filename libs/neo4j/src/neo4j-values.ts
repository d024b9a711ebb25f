import neo4j, {
  isDate,
  isDateTime,
  isDuration,
  isInt,
  isLocalDateTime,
  isLocalTime,
  isTime,
} from 'neo4j-driver';

/** Converts driver values (64-bit Integers, temporals, nodes) into plain JS at the repository edge. */
export function toNative(value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (isDateTime(value as object) || isLocalDateTime(value as object) || isDate(value as object)) {
    return new Date((value as { toString(): string }).toString());
  }
  if (isTime(value as object) || isLocalTime(value as object) || isDuration(value as object)) {
    return (value as { toString(): string }).toString();
  }
  if (Array.isArray(value)) return value.map(toNative);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('properties' in v && ('labels' in v || 'type' in v) && 'elementId' in v) {
      return toNative(v.properties);
    }
    const out: Record<string, unknown> = {};
    for (const [k, inner] of Object.entries(v)) out[k] = toNative(inner);
    return out;
  }
  return value;
}

export const int = neo4j.int;
