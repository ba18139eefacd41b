export * from './types';
export * from './local-time';
export * from './config-diff';
export * from './projector';
export * from './reports';
export * from './gtfs-alerts';
