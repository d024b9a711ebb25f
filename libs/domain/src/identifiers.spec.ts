import { isValidRna, isValidSiren } from './identifiers';
import { ActorFamily, ActorKind, familyOfKind } from './actor-kind';

describe('identifiers', () => {
  it('accepts real SIRENs and rejects a wrong checksum', () => {
    expect(isValidSiren('552081317')).toBe(true); // EDF
    expect(isValidSiren('130025265')).toBe(true); // DINUM
    expect(isValidSiren('552081318')).toBe(false);
    expect(isValidSiren('55208131')).toBe(false);
    expect(isValidSiren('55208131A')).toBe(false);
  });

  it('checks the RNA format', () => {
    expect(isValidRna('W381234567')).toBe(true);
    expect(isValidRna('381234567')).toBe(false);
    expect(isValidRna('W38123456')).toBe(false);
  });

  it('derives the family from the kind', () => {
    expect(familyOfKind(ActorKind.CORPORATE_FOUNDATION)).toBe(ActorFamily.PRIVATE);
    expect(familyOfKind(ActorKind.EPCI)).toBe(ActorFamily.PUBLIC);
    expect(familyOfKind(ActorKind.RESEARCH_LAB)).toBe(ActorFamily.ACADEMIC);
    expect(familyOfKind(ActorKind.WORK_INTEGRATION)).toBe(ActorFamily.PEER);
  });
});
