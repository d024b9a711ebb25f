import { ERASED_TEXT, likePatterns, mentions, redact, redactJson } from './personal-data';

const subject = { email: 'jeanne.d@exemple.org', names: ['jeanne dupont', 'jd'], userIds: [] };

describe('personal-data text helpers', () => {
  it('finds and redacts the e-mail and the names, whatever their case (too short names left out)', () => {
    const text = 'Contact: Jeanne DUPONT <Jeanne.D@Exemple.org>, JD team';
    expect(mentions(text, subject)).toBe(true);
    expect(redact(text, subject)).toBe(`Contact: ${ERASED_TEXT} <${ERASED_TEXT}>, JD team`);
    expect(redact('a,Jeanne Dupont,jeanne.d@exemple.org', subject, '')).toBe('a,,');
    expect(mentions('nothing here', subject)).toBe(false);
  });

  it('redacts every string of a JSON value and escapes LIKE wildcards', () => {
    expect(redactJson({ a: ['x jeanne dupont'], n: 3, b: { c: 'JEANNE.D@exemple.org' } }, subject)).toEqual({
      a: [`x ${ERASED_TEXT}`],
      n: 3,
      b: { c: ERASED_TEXT },
    });
    expect(likePatterns({ email: 'a_b%c@x.org', names: [], userIds: [] })).toEqual(['%a\\_b\\%c@x.org%']);
  });
});
