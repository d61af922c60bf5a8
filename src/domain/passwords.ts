import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// Stored as `scrypt$<log2 N>$<r>$<p>$<salt>$<hash>` (base64url), so a hash keeps verifying after
// the configured cost changes, and old hashes can be found and upgraded.
const prefix = 'scrypt';
const keyLength = 32;
const blockSize = 8;
const parallelism = 1;

const derive = (password: string, salt: Buffer, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => {
    // NFKC, so the same password typed on another keyboard or OS still matches.
    scrypt(password.normalize('NFKC'), salt, keyLength, { ...options, maxmem: 256 * (options.N ?? 0) * (options.r ?? 1) }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });

/** A salted scrypt hash of the password at cost N = 2^cost (r = 8, p = 1). */
export async function hashPassword(password: string, cost: number): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, { N: 2 ** cost, r: blockSize, p: parallelism });
  return [prefix, cost, blockSize, parallelism, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Whether the password matches the stored hash; a malformed hash matches nothing. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, cost, r, p, salt, hash] = stored.split('$');
  if (scheme !== prefix || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), { N: 2 ** Number(cost), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}
