import { generateSync } from 'otplib';
import { TOTP_PERIOD, acceptTotpCode, newTotpSecret, totpUri } from './totp';

/** RFC 6238 appendix B: the ASCII secret "12345678901234567890", in base32. */
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP codes', () => {
  it('computes what authenticator apps compute (RFC 6238 SHA-1 test vectors, 6 digits)', () => {
    // The RFC lists 8-digit codes; authenticator apps show the last 6.
    expect(acceptTotpCode(RFC_SECRET, '287082', null, 59)).toBe(1);
    expect(acceptTotpCode(RFC_SECRET, '081804', null, 1111111109)).toBe(37037036);
    expect(acceptTotpCode(RFC_SECRET, '050471', null, 1111111111)).toBe(37037037);
    expect(acceptTotpCode(RFC_SECRET, '005924', null, 1234567890)).toBe(41152263);
  });

  it('accepts a code one step early or late, not two', () => {
    const secret = newTotpSecret();
    const now = 1_800_000_000;
    const step = Math.floor(now / TOTP_PERIOD);
    const at = (s: number) => generateSync({ secret, epoch: s * TOTP_PERIOD });
    expect(acceptTotpCode(secret, at(step), null, now)).toBe(step);
    expect(acceptTotpCode(secret, at(step - 1), null, now)).toBe(step - 1);
    expect(acceptTotpCode(secret, at(step + 1), null, now)).toBe(step + 1);
    expect(acceptTotpCode(secret, at(step - 2), null, now)).toBeNull();
    expect(acceptTotpCode(secret, at(step + 2), null, now)).toBeNull();
  });

  it('accepts a code once: the same step, or an older one, is refused after it was used', () => {
    const secret = newTotpSecret();
    const now = 1_800_000_000;
    const step = Math.floor(now / TOTP_PERIOD);
    const code = generateSync({ secret, epoch: now });
    const previous = generateSync({ secret, epoch: now - TOTP_PERIOD });
    expect(acceptTotpCode(secret, code, step - 1, now)).toBe(step);
    expect(acceptTotpCode(secret, code, step, now)).toBeNull();
    expect(acceptTotpCode(secret, previous, step, now)).toBeNull();
    // The next code still works.
    expect(acceptTotpCode(secret, generateSync({ secret, epoch: now + TOTP_PERIOD }), step, now)).toBe(
      step + 1,
    );
  });

  it('takes codes typed with a space or a dash, and calls anything malformed simply wrong', () => {
    const secret = newTotpSecret();
    const now = 1_800_000_000;
    const code = generateSync({ secret, epoch: now });
    expect(acceptTotpCode(secret, `${code.slice(0, 3)} ${code.slice(3)}`, null, now)).not.toBeNull();
    expect(acceptTotpCode(secret, `${code.slice(0, 3)}-${code.slice(3)}`, null, now)).not.toBeNull();
    for (const bad of ['', '12345', '1234567', 'abcdef', '12345x', `${code}0`]) {
      expect(acceptTotpCode(secret, bad, null, now)).toBeNull();
    }
    // A last step ahead of the clock (clock moved back) refuses instead of throwing.
    expect(acceptTotpCode(secret, code, Math.floor(now / TOTP_PERIOD) + 100, now)).toBeNull();
  });

  it('makes 160-bit secrets and an otpauth URI authenticator apps read (SHA1, 6 digits, 30 s)', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    const uri = new URL(totpUri(secret, 'ana@example.org'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Unidos:ana@example.org');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('issuer')).toBe('Unidos');
    // Left out when they are the defaults apps assume; never anything else.
    expect(uri.searchParams.get('algorithm') ?? 'SHA1').toBe('SHA1');
    expect(uri.searchParams.get('digits') ?? '6').toBe('6');
    expect(uri.searchParams.get('period') ?? '30').toBe('30');
  });
});
