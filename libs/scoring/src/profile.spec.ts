import { Modality } from '@maillage/domain';
import {
  DEFAULT_PROFILE,
  ProfileValidationError,
  checkProfile,
  defineProfile,
  profileKey,
  validateProfile,
} from './profile';
import { scorePair } from './score-pair';
import { FIXTURE_TAXONOMY, fixtureActors } from './testing/fixture';
import { MODEL_VERSION } from './version';

describe('scoring profiles', () => {
  it('has a valid, versioned default', () => {
    expect(checkProfile(DEFAULT_PROFILE)).toEqual([]);
    expect(profileKey(DEFAULT_PROFILE)).toBe('default@1');
    expect(typeof MODEL_VERSION).toBe('string');
    const w = DEFAULT_PROFILE.weights;
    expect(
      w.complementarity + w.causes + w.proximity + w.crossFamily + w.allianceForms + w.trust,
    ).toBeCloseTo(1, 12);
  });

  it('lists every problem with its path', () => {
    const bad = {
      ...DEFAULT_PROFILE,
      id: '',
      version: 1.5,
      weights: { ...DEFAULT_PROFILE.weights, causes: -1 },
      reciprocity: { alpha: 2, gateAt: 0.2, giftReturn: 0.5 },
      alliedPolicy: 'ignore',
      candidates: { ...DEFAULT_PROFILE.candidates, blocking: 'planet' },
    };
    const issues = checkProfile(bad);
    expect(issues.map((i) => i.path).sort()).toEqual(
      ['alliedPolicy', 'candidates.blocking', 'id', 'reciprocity.alpha', 'version', 'weights.causes'].sort(),
    );
    expect(() => validateProfile(bad)).toThrow(ProfileValidationError);
    try {
      validateProfile(bad);
    } catch (e) {
      expect((e as ProfileValidationError).issues).toHaveLength(6);
      expect((e as Error).message).toMatch(/weights\.causes: must be ≥ 0/);
    }
    expect(checkProfile(null)).toEqual([{ path: '', message: 'must be an object' }]);
    expect(
      checkProfile({
        ...DEFAULT_PROFILE,
        modalityFactors: { ...DEFAULT_PROFILE.modalityFactors, FUNDING: Number.NaN },
      })[0].path,
    ).toBe('modalityFactors.FUNDING');
  });

  it('rejects incoherent settings', () => {
    expect(
      checkProfile({ ...DEFAULT_PROFILE, weights: { ...DEFAULT_PROFILE.weights, complementarity: 0 } })[0]
        .path,
    ).toBe('weights.complementarity');
    expect(
      checkProfile({
        ...DEFAULT_PROFILE,
        taxonomyCredit: { exact: 0.5, child: 0.7, parent: 0.6, sibling: 0.4 },
      })[0].path,
    ).toBe('taxonomyCredit');
    expect(
      checkProfile({ ...DEFAULT_PROFILE, proximity: { ...DEFAULT_PROFILE.proximity, region: 0.9 } })[0].path,
    ).toBe('proximity');
  });

  it('lets a lab define its own profile on top of the default', () => {
    const noMoney = defineProfile({ id: 'lab-38', version: 3, modalityFactors: { [Modality.FUNDING]: 0 } });
    expect(noMoney.modalityFactors.FUNDING).toBe(0);
    expect(noMoney.modalityFactors.SKILLS).toBe(1);
    expect(noMoney.weights).toEqual(DEFAULT_PROFILE.weights);
    expect(() => defineProfile({ id: 'x', version: 1, penalties: { allied: 3 } })).toThrow(
      /penalties\.allied/,
    );
    const [mairie, restos] = ['mairie', 'restos'].map((id) => fixtureActors().find((a) => a.id === id)!);
    // the commune's funding no longer counts for the association
    const withMoney = scorePair(restos, mairie, { taxonomy: FIXTURE_TAXONOMY });
    const without = scorePair(restos, mairie, { taxonomy: FIXTURE_TAXONOMY }, noMoney);
    expect(without.forward.coverage).toBeLessThan(withMoney.forward.coverage);
    expect(without.profileId).toBe('lab-38');
    expect(without.profileVersion).toBe(3);
  });

  it('refuses to score with an invalid profile', () => {
    const [a, b] = fixtureActors();
    expect(() =>
      scorePair(a, b, { taxonomy: FIXTURE_TAXONOMY }, { ...DEFAULT_PROFILE, rarityExponent: -1 }),
    ).toThrow(ProfileValidationError);
  });
});
