import type { Actor } from '@api/common/auth/actor';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      id: string;
      actor?: Actor;
    }
  }
}

export {};
