/** Candidate partners kept per participant (top-K by weight). */
export const DEFAULT_CANDIDATES_PER_PARTICIPANT = 40;
