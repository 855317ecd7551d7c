export * from './enums';
export * from './resources';
