/**
 * The actors of a population as flat arrays of small integers (pure: no Nest, no database): what
 * candidate-search's index reads from each actor, derived once, then copied in runs when the
 * population is patched (a few actors re-read, removed or added) instead of derived again.
 * - actor-table.ts: symbols, per-actor facts, the table and its patch (pieces);
 * - numbering.ts: the table's offers, needs and territories in a build's own numbering;
 * - block-layout.ts: territory blocks and the posting lists by (competence, block), and their patch.
 */
export * from './actor-table';
export * from './numbering';
export * from './block-layout';
