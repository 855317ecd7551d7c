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
        if ((code === 'error.totpRequired' || code === 'error.wrongTotpCode') && error instanceof Error) {
          throw new Error(error.message);
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

  logout: async () => {
    const wasSignedIn = me !== null;
    forget();
    if (wasSignedIn) {
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
    // 403 and everything else: stay signed in; the page shows the error.
    return Promise.resolve();
  },

  getIdentity: async (): Promise<UnidosIdentity> => {
    const user = await fetchMe();
    return { ...user, fullName: user.displayName };
  },

  getPermissions: async (): Promise<UserRole> => (await fetchMe()).role,

  canAccess: async ({ action, resource, record }) => {
    const user = await fetchMe();
    return canAccess(user, action, resource, record);
  },
};
