import { reasonLine } from './meeting-reason';

describe('reasonLine', () => {
  const pair = {
    a: 'x',
    b: 'y',
    aGets: ['Comptabilité'],
    bGets: ['Site web', 'Logistique', 'Droit'],
    sharedCauses: [4, 13],
  };

  it('says first what the partner brings, from either side of the stored pair', () => {
    expect(reasonLine([pair], 'x', 'y')).toBe('couvre votre besoin « Comptabilité »');
    expect(reasonLine([pair], 'y', 'x')).toBe('couvre votre besoin « Site web », « Logistique »');
  });

  it('falls back to what self brings, then to shared causes, then to nothing', () => {
    expect(reasonLine([{ ...pair, aGets: [] }], 'x', 'y')).toBe(
      'vous couvrez son besoin « Site web », « Logistique »',
    );
    expect(reasonLine([{ ...pair, aGets: [], bGets: [] }], 'y', 'x')).toBe(
      'causes partagées : ODD 4, ODD 13',
    );
    expect(reasonLine([{ ...pair, aGets: [], bGets: [], sharedCauses: [] }], 'x', 'y')).toBeNull();
    expect(reasonLine([pair], 'x', 'z')).toBeNull();
  });
});
