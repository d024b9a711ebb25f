import { entersStoredRow } from './stored-row';

const STORED_K = 20;
const FORM_K = 10;
const entersRow = (pair: { score: number; forms: number[] }, row?: { scores: number[]; forms: number[][] }) =>
  entersStoredRow(pair, row, STORED_K, FORM_K);

/** n stored edges, blended scores top, top − 0.01…; RESOURCES is each edge's blended score. */
const row = (n: number, top: number, others: number[] = [0, 0, 0]) => ({
  scores: Array.from({ length: n }, (_, i) => top - i * 0.01),
  forms: Array.from({ length: n }, (_, i) => [top - i * 0.01, ...others]),
});

describe('entersRow (which lists an edited actor now enters)', () => {
  it('enters a row with room, or above its STORED_K-th blended score', () => {
    expect(entersRow({ score: 0.1, forms: [0.1, 0, 0, 0] }, row(3, 0.9))).toBe(true);
    expect(entersRow({ score: 0.1, forms: [0.1, 0, 0, 0] }, undefined)).toBe(true);
    const full = row(STORED_K, 0.9); // 20th blended: 0.71
    expect(entersRow({ score: 0.72, forms: [0.72, 0, 0, 0] }, full)).toBe(true);
    expect(entersRow({ score: 0.71, forms: [0.71, 0, 0, 0] }, full)).toBe(true); // a tie is rescored
    expect(entersRow({ score: 0.5, forms: [0.5, 0, 0, 0] }, full)).toBe(false);
  });

  it('enters through one form when that form has room or is beaten', () => {
    const full = row(STORED_K, 0.9, [0.3, 0, 0]); // co-production: 20 edges at 0.3
    expect(entersRow({ score: 0.5, forms: [0.1, 0.5, 0, 0] }, full)).toBe(true);
    expect(entersRow({ score: 0.5, forms: [0.1, 0.2, 0, 0] }, full)).toBe(false);
    expect(entersRow({ score: 0.5, forms: [0.1, 0, 0.05, 0] }, full)).toBe(true); // pooling: room
    expect(entersRow({ score: 0, forms: [0, 0, 0, 0] }, row(2, 0.9))).toBe(false);
  });
});
