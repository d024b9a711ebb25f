import { checkPageSize, decodeCursor, encodeCursor } from './cursor';
import { BadInputError } from './domain-errors';

describe('cursors', () => {
  it('round-trips', () => {
    expect(decodeCursor(encodeCursor(['Acme', 'act_1']))).toEqual(['Acme', 'act_1']);
  });

  it('rejects a forged cursor with the field path', () => {
    try {
      decodeCursor('not-a-cursor', ['actors', 'after']);
      throw new Error('should have thrown');
    } catch (err) {
      expect(err).toBeInstanceOf(BadInputError);
      expect((err as BadInputError).details).toEqual({
        field: ['actors', 'after'],
        reason: 'invalid_cursor',
      });
    }
  });

  it('caps page size at 100', () => {
    expect(checkPageSize(100)).toBe(100);
    expect(() => checkPageSize(101)).toThrow(/between 1 and 100/);
    expect(() => checkPageSize(0)).toThrow(BadInputError);
  });
});
