import {
  isValidRna,
  isValidSiren,
  isValidTerritoryCode,
  normaliseRna,
  normaliseSiren,
  normaliseTerritoryCode,
  sirenCheckDigit,
  sirenFromBody,
} from './identifiers';
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

  it('computes the SIREN check digit the validator accepts', () => {
    expect(sirenCheckDigit('55208131')).toBe(7);
    expect(sirenFromBody('13002526')).toBe('130025265');
    for (let n = 10_000_000; n < 10_000_200; n++) expect(isValidSiren(sirenFromBody(String(n)))).toBe(true);
    expect(() => sirenFromBody('1234')).toThrow('8 digits');
  });

  it('normalises identifiers as people type them', () => {
    expect(normaliseSiren('552 081 317')).toBe('552081317');
    expect(normaliseSiren('552.081.317')).toBe('552081317');
    expect(normaliseSiren('55208131700014')).toBe('552081317'); // a SIRET
    expect(normaliseRna(' w38 1234567 ')).toBe('W381234567');
    expect(normaliseTerritoryCode('1053')).toBe('01053');
    expect(normaliseTerritoryCode('1')).toBe('01');
    expect(normaliseTerritoryCode('2a004')).toBe('2A004');
  });

  it('checks territory codes of every level', () => {
    for (const code of ['R84', '38', '2A', '971', '38185', '2B033', '200040715']) {
      expect(isValidTerritoryCode(code)).toBe(true);
    }
    for (const code of ['84R', '3', '2C', '3818', 'R8', '20004071'])
      expect(isValidTerritoryCode(code)).toBe(false);
  });

  it('derives the family from the kind', () => {
    expect(familyOfKind(ActorKind.CORPORATE_FOUNDATION)).toBe(ActorFamily.PRIVATE);
    expect(familyOfKind(ActorKind.EPCI)).toBe(ActorFamily.PUBLIC);
    expect(familyOfKind(ActorKind.RESEARCH_LAB)).toBe(ActorFamily.ACADEMIC);
    expect(familyOfKind(ActorKind.WORK_INTEGRATION)).toBe(ActorFamily.PEER);
  });
});
