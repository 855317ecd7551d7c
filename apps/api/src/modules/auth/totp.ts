import { generateSecret, generateURI, verifySync } from 'otplib';

/**
 * RFC 6238 TOTP as authenticator apps expect it: SHA-1, 6 digits, 30-second steps (otplib's
 * defaults, spelled out so a library upgrade cannot change them under us).
 */
export const TOTP_PERIOD = 30;
const TOTP_OPTIONS = { algorithm: 'sha1', digits: 6, period: TOTP_PERIOD } as const;
/** One step either side of now, for a phone clock a little off or a code typed at the turn. */
const TOLERANCE_SECONDS = TOTP_PERIOD;
export const TOTP_ISSUER = 'Unidos';

/** A new random secret (20 bytes, base32). */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function totpUri(secret: string, label: string): string {
  return generateURI({ ...TOTP_OPTIONS, issuer: TOTP_ISSUER, label, secret });
}

/** Codes as people type them: "123 456" or "123-456" are the same code. */
export function normalizeTotpCode(code: string): string {
  return code.replace(/[\s-]/g, '');
}

/**
 * Checks a code and answers the time step it belongs to, or null. A step at or before
 * `lastStep` is refused, so each code (and any older one) is good only once. Anything that is
 * not a well-formed code is simply wrong; it never throws for bad input.
 */
export function acceptTotpCode(
  secret: string,
  code: string,
  lastStep: number | null,
  epoch?: number,
): number | null {
  const token = normalizeTotpCode(code);
  if (!/^\d{6}$/.test(token)) return null;
  try {
    const result = verifySync({
      ...TOTP_OPTIONS,
      secret,
      token,
      epochTolerance: TOLERANCE_SECONDS,
      ...(epoch === undefined ? {} : { epoch }),
      ...(lastStep === null ? {} : { afterTimeStep: lastStep }),
    });
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  } catch {
    // e.g. a stored last step ahead of this server's clock: refuse rather than fail.
    return null;
  }
}
