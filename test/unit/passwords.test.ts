import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../src/domain/passwords.js';

describe('password hashes (scrypt)', () => {
  it('when a password is hashed twice, then the salts differ and both verify', async () => {
    const [a, b] = await Promise.all([hashPassword('correct horse battery staple', 10), hashPassword('correct horse battery staple', 10)]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery staple', a)).toBe(true);
    expect(await verifyPassword('correct horse battery staple', b)).toBe(true);
  });

  it.each([
    ['another password', 'correct horse battery stapler'],
    ['the same in capitals', 'CORRECT HORSE BATTERY STAPLE'],
    ['an empty string', ''],
  ])('when %s is checked, then it does not verify', async (_, attempt) => {
    expect(await verifyPassword(attempt, await hashPassword('correct horse battery staple', 10))).toBe(false);
  });

  it('when the password is typed in another Unicode form, then it still verifies (NFKC)', async () => {
    const composed = 'caf\u00e9 au lait, bien s\u00fbr';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(await verifyPassword(decomposed, await hashPassword(composed, 10))).toBe(true);
  });

  it('when the cost changes, then old hashes still verify with the cost they carry', async () => {
    const cheap = await hashPassword('a password long enough', 10);
    const dear = await hashPassword('a password long enough', 12);
    expect(cheap.split('$').slice(0, 4)).toEqual(['scrypt', '10', '8', '1']);
    expect(dear.split('$')[1]).toBe('12');
    expect(await verifyPassword('a password long enough', cheap)).toBe(true);
    expect(await verifyPassword('a password long enough', dear)).toBe(true);
  });

  it.each([
    ['', 'empty'],
    ['bcrypt$whatever', 'another scheme'],
    ['scrypt$10$8$1$c2FsdA', 'no hash part'],
  ])('when the stored hash is %j (%s), then nothing verifies against it', async (stored) => {
    expect(await verifyPassword('anything', stored)).toBe(false);
  });

  it('when the stored hash was tampered with, then it does not verify', async () => {
    const hash = await hashPassword('a password long enough', 10);
    const tampered = `${hash.slice(0, -2)}${hash.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(await verifyPassword('a password long enough', tampered)).toBe(false);
  });
});
