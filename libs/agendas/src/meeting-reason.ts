/** What the schedule stored about one pair of a meeting (the PairReason shape, without scores). */
export interface PairWhy {
  a: string;
  b: string;
  /** Needs of a that b covers, and of b that a covers (competence labels). */
  aGets: string[];
  bGets: string[];
  sharedCauses: number[];
}

/**
 * One short French line telling `self` why it meets `partner`, from the meeting's stored pair
 * reasons: a need the partner covers first, then a need self covers, then shared causes (SDG
 * numbers). Null when the schedule kept nothing readable for that pair.
 */
export function reasonLine(pairs: readonly PairWhy[], self: string, partner: string): string | null {
  const pair = pairs.find((p) => (p.a === self && p.b === partner) || (p.a === partner && p.b === self));
  if (!pair) return null;
  const mine = pair.a === self ? pair.aGets : pair.bGets;
  const theirs = pair.a === self ? pair.bGets : pair.aGets;
  const list = (xs: string[]) => xs.map((x) => `« ${x} »`).join(', ');
  if (mine.length) return `couvre votre besoin ${list(mine.slice(0, 2))}`;
  if (theirs.length) return `vous couvrez son besoin ${list(theirs.slice(0, 2))}`;
  if (pair.sharedCauses.length)
    return `causes partagées : ${pair.sharedCauses.map((n) => `ODD ${n}`).join(', ')}`;
  return null;
}
