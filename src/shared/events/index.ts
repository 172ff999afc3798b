export * from './catalog';
export * from './envelope';
