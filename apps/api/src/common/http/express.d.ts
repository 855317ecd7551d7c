import type { Actor } from '@api/common/auth/actor';

declare global {
  namespace Express {
    interface Request {
      id: string;
      actor?: Actor;
    }
  }
}

export {};
