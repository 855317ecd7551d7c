import type { AuthProvider, UserIdentity } from 'react-admin';
import type { MeDto, UserRole } from '@unidos/contracts';
import { API_URL, httpClient } from './httpClient';
import { errorBody, errorStatus } from './payload';
import { canAccess } from './permissions';

/**
 * The signed-in user, kept in memory only: the session itself is an HttpOnly cookie the browser
 * sends; nothing about it is ever written to localStorage or sessionStorage.
 */
let me: MeDto | null = null;
let pendingMe: Promise<MeDto> | null = null;

const fetchMe = (): Promise<MeDto> => {
  if (me) return Promise.resolve(me);
  pendingMe ??= httpClient(`${API_URL}/auth/me`)
    .then((response) => {
      me = response.json as MeDto;
      return me;
    })
    .finally(() => {
      pendingMe = null;
    });
  return pendingMe;
};

const forget = () => {
  me = null;
  pendingMe = null;
};

/**
 * Forgets the cached `/api/auth/me` answer, so the next identity check asks the API again (after
 * turning two-factor sign-in on or off, or when the API says enrollment is required).
 */
export const forgetIdentity = forget;

/** The API codes a sign-in can fail with that the login page handles itself. */
export type LoginErrorCode = 'error.totpRequired' | 'error.wrongTotpCode';

/** A sign-in refused for a two-factor reason: `message` is the API's, in the UI language. */
export class LoginError extends Error {
  constructor(
    message: string,
    readonly code: LoginErrorCode,
  ) {
    super(message);
    this.name = 'LoginError';
  }
}

export const TOTP_ENROLLMENT_REQUIRED = 'error.totpEnrollmentRequired';

/** A 403 the API answers an alliance admin who must turn on two-factor sign-in first. */
export const isEnrollmentRequired = (error: unknown) =>
  errorStatus(error) === 403 && errorBody(error)?.code === TOTP_ENROLLMENT_REQUIRED;

/** What react-admin's login form submits (`username` is the Email input). */
interface LoginParams {
  username?: string;
  email?: string;
  password?: string;
  /** The 6-digit code of an authenticator app, for accounts with two-factor sign-in. */
  totp?: string;
}

/** The identity react-admin shows in the user menu, with the whole `MeDto` for our own pages. */
export type UnidosIdentity = UserIdentity & MeDto & { fullName: string };

export const authProvider: AuthProvider = {
  login: async ({ username, email, password, totp }: LoginParams) => {
    forget();
    try {
      const response = await httpClient(`${API_URL}/auth/login`, {
        method: 'POST',
        body: JSON.stringify({
          email: (email ?? username ?? '').trim(),
          password,
          ...(totp ? { totp } : {}),
        }),
      });
      me = response.json as MeDto;
    } catch (error) {
      const status = errorStatus(error);
      if (status === 401) {
        // A two-factor code asked for or refused: the API's message says which. Otherwise one
        // message for a wrong email or password, so nobody learns which accounts exist.
        const code = errorBody(error)?.code;
        if (code === 'error.totpRequired' || code === 'error.wrongTotpCode') {
          throw new LoginError(error instanceof Error ? error.message : code, code);
        }
        throw new Error('unidos.auth.wrong_credentials');
      }
      if (status === 429) {
        // Locked account or too many attempts: the API says which, in the UI language.
        throw new Error(
          error instanceof Error && error.message ? error.message : 'unidos.auth.too_many_attempts',
        );
      }
      throw error;
    }
  },

  /** `{ sessionEnded: true }`: the API already ended the session (sign out everywhere). */
  logout: async (params?: { sessionEnded?: boolean }) => {
    const wasSignedIn = me !== null;
    forget();
    if (wasSignedIn && !params?.sessionEnded) {
      await httpClient(`${API_URL}/auth/logout`, { method: 'POST' }).catch(() => undefined);
    }
  },

  checkAuth: async () => {
    await fetchMe();
  },

  checkError: (error: unknown) => {
    if (errorStatus(error) === 401) {
      forget();
      return Promise.reject(error instanceof Error ? error : new Error('unauthenticated'));
    }
    if (isEnrollmentRequired(error)) {
      // An alliance admin without two-factor sign-in: stay signed in, go set it up.
      forget();
      return Promise.reject({ logoutUser: false, redirectTo: '/account', message: false });
    }
    // 403 and everything else: stay signed in; the page shows the error.
    return Promise.resolve();
  },

  getIdentity: async (): Promise<UnidosIdentity> => {
    const user = await fetchMe();
    return { ...user, fullName: user.displayName };
  },

  // Public pages (/join, /commit) run react-admin's permission hooks too: signed out is "no
  // permissions", not an error — an error would make react-admin log the visitor "out" and send
  // them to the login page in the middle of filling a form.
  getPermissions: async (): Promise<UserRole | undefined> => {
    try {
      return (await fetchMe()).role;
    } catch (error) {
      if (errorStatus(error) === 401) return undefined;
      throw error;
    }
  },

  canAccess: async ({ action, resource, record }) => {
    const user = await fetchMe();
    return canAccess(user, action, resource, record);
  },
};
