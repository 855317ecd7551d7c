import { Initial1795239066881 } from './1795239066881-initial';

/** Every migration, in order. Listed explicitly: a bundled app finds nothing through globs. Never edit one that has landed. */
export const MIGRATIONS: (new () => object)[] = [Initial1795239066881];
