import { atMost, cleanCode, phoneNumber, totpCode, webAddress } from './validators';

describe('validators', () => {
  it('accepts phone numbers the API accepts', () => {
    expect(phoneNumber('+1 (312) 555-0142')).toBeUndefined();
    expect(phoneNumber('312.555.0142')).toBeUndefined();
    expect(phoneNumber('')).toBeUndefined();
    expect(phoneNumber(null)).toBeUndefined();
    expect(phoneNumber('555')).toBe('unidos.validation.phone');
    expect(phoneNumber('call me maybe')).toBe('unidos.validation.phone');
  });

  it('wants six digits for an authenticator code', () => {
    expect(totpCode('123456')).toBeUndefined();
    expect(totpCode('123 456')).toBeUndefined();
    expect(totpCode('12345')).toBe('unidos.validation.totp_code');
    expect(totpCode('12345a')).toBe('unidos.validation.totp_code');
    expect(cleanCode(' 123 456 ')).toBe('123456');
  });

  it('keeps the existing rules', () => {
    expect(webAddress('example.org')).toBe('unidos.validation.website');
    expect(webAddress('https://example.org')).toBeUndefined();
    expect(atMost(1)(['a', 'b'])).toEqual({ message: 'unidos.validation.at_most', args: { max: 1 } });
  });
});
