import {
  DECOY_PASSWORD_HASH,
  hashPassword,
  passwordProblem,
  randomPassword,
  verifyPassword,
} from './password';

describe('passwords', () => {
  it('verifies the right password only, with a salt of its own each time', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    await expect(verifyPassword('correct horse battery', a)).resolves.toBe(true);
    await expect(verifyPassword('correct horse batterY', a)).resolves.toBe(false);
    await expect(verifyPassword('', a)).resolves.toBe(false);
  });

  it('treats composed and decomposed accents alike (NFC)', async () => {
    const stored = await hashPassword('mot de passe très long');
    await expect(verifyPassword('mot de passe tre\u0300s long', stored)).resolves.toBe(true);
  });

  it('never matches the decoy or a malformed hash', async () => {
    await expect(verifyPassword('anything at all here', DECOY_PASSWORD_HASH)).resolves.toBe(false);
    await expect(verifyPassword('anything', 'plain-text')).resolves.toBe(false);
    await expect(verifyPassword('anything', 'bcrypt$1$2$3$x$y')).resolves.toBe(false);
    await expect(verifyPassword('anything', 'scrypt$3$8$1$c2FsdA$aGFzaA')).resolves.toBe(false);
  });

  it('asks for 12 characters or more, not the e-mail', () => {
    expect(passwordProblem('eleven char', 'a@b.fr')).toBe('password_too_short');
    expect(passwordProblem('twelve chars', 'a@b.fr')).toBeNull();
    expect(passwordProblem('ééééééééééé', 'a@b.fr')).toBe('password_too_short'); // 11 characters, 22 bytes
    expect(passwordProblem(' Someone@Example.org ', 'someone@example.org')).toBe('password_is_email');
    expect(passwordProblem('x'.repeat(201), 'a@b.fr')).toBe('password_too_long');
    expect(passwordProblem(randomPassword(), 'a@b.fr')).toBeNull();
  });
});
