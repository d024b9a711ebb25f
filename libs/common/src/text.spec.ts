import { normaliseForSearch } from './text';

describe('normaliseForSearch', () => {
  it('ignores case, accents, ligatures and punctuation', () => {
    expect(normaliseForSearch("Saint-Martin-d'Hères")).toBe('saint martin d heres');
    expect(normaliseForSearch('  ÉCHIROLLES ')).toBe('echirolles');
    expect(normaliseForSearch('Œuilly')).toBe('oeuilly');
    expect(normaliseForSearch("L'Isle-d'Abeau")).toBe('l isle d abeau');
    expect(normaliseForSearch('Île-de-France')).toBe('ile de france');
  });

  it('gives an actor name and a search term the same form', () => {
    expect(normaliseForSearch('Saint-Martin')).toBe(normaliseForSearch('saint martin'));
    expect(normaliseForSearch('Les Amis du Vercors (ADV)')).toBe('les amis du vercors adv');
  });

  it('keeps letters of other scripts and digits', () => {
    expect(normaliseForSearch('Café 2000 — Ψ')).toBe('cafe 2000 ψ');
    expect(normaliseForSearch('İstanbul')).toBe('istanbul');
  });
});
