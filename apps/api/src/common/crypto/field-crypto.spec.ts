import { randomBytes } from 'node:crypto';
import { FieldCrypto, normalizeContact } from './field-crypto';

describe('FieldCrypto', () => {
  const crypto = new FieldCrypto(randomBytes(32));

  it('round-trips a value and never stores it in the clear', () => {
    const sealed = crypto.encrypt('maria@example.org', 'person.email');
    expect(sealed.includes(Buffer.from('maria'))).toBe(false);
    expect(crypto.decrypt(sealed, 'person.email')).toBe('maria@example.org');
  });

  it('gives different ciphertexts for the same value (random IV)', () => {
    expect(crypto.encrypt('x', 'c').equals(crypto.encrypt('x', 'c'))).toBe(false);
  });

  it('refuses a tampered ciphertext or one moved to another field', () => {
    const sealed = crypto.encrypt('555-0100', 'person.phone');
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] ^= 1;
    expect(() => crypto.decrypt(tampered, 'person.phone')).toThrow();
    expect(() => crypto.decrypt(sealed, 'person.email')).toThrow();
  });

  it('cannot be read with another key', () => {
    const other = new FieldCrypto(randomBytes(32));
    expect(() => other.decrypt(crypto.encrypt('secret', 'c'), 'c')).toThrow();
  });

  it('hashes equal contacts equally however they are written', () => {
    expect(crypto.lookupHash('email', ' Maria@Example.org ')).toEqual(crypto.lookupHash('email', 'maria@example.org'));
    expect(crypto.lookupHash('phone', '(312) 555-0100')).toEqual(crypto.lookupHash('phone', '+1 312 555 0100'));
    expect(crypto.lookupHash('phone', '312 555 0100')).not.toEqual(crypto.lookupHash('email', '312 555 0100'));
    expect(normalizeContact('phone', '+52 55 1234 5678')).toBe('525512345678');
  });
});
