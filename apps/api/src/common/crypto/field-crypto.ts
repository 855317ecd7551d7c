import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

const VERSION = 1;

/**
 * Authenticated encryption (AES-256-GCM) of personal fields, and a keyed hash (HMAC-SHA-256) for
 * exact-match lookup and duplicate detection. Both keys are derived (HKDF) from the one key in
 * configuration, so a database dump without that key shows no phone or email.
 * Ciphertext layout: version byte | 12-byte IV | 16-byte tag | ciphertext.
 */
export class FieldCrypto {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('the encryption key must be 32 bytes');
    this.encKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'unidos:field-encryption:v1', 32));
    this.macKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'unidos:lookup-hash:v1', 32));
  }

  encrypt(plaintext: string, context: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
  }

  decrypt(ciphertext: Buffer, context: string): string {
    if (ciphertext[0] !== VERSION) throw new Error('unknown ciphertext version');
    const iv = ciphertext.subarray(1, 13);
    const tag = ciphertext.subarray(13, 29);
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, iv);
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext.subarray(29)), decipher.final()]).toString('utf8');
  }

  /** A keyed signature of a string (for capability URLs such as calendar feeds), URL-safe. */
  sign(purpose: string, value: string): string {
    return createHmac('sha256', this.macKey).update(`${purpose}:${value}`).digest('base64url').slice(0, 32);
  }

  /** Checks a signature made by `sign`, in constant time. */
  verify(purpose: string, value: string, signature: string): boolean {
    const expected = Buffer.from(this.sign(purpose, value));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  /** Keyed hash of a normalized value: the same email or phone always gives the same hash. */
  lookupHash(kind: 'email' | 'phone', value: string): Buffer {
    return createHmac('sha256', this.macKey).update(`${kind}:${normalizeContact(kind, value)}`).digest();
  }
}

export function normalizeContact(kind: 'email' | 'phone', value: string): string {
  if (kind === 'email') return value.trim().toLowerCase();
  const digits = value.replace(/\D/g, '');
  // US numbers written without the country code match those written with it.
  return digits.length === 10 ? `1${digits}` : digits;
}
