/** The contract between the support-center backend and the app: every payload, declared once. */
export * from './primitives';
export * from './text';
export * from './entities';
export * from './sync';
export * from './mutations';
export * from './api-error';
export * from './portal';
export * from './session';
export * from './billing-import';
export * from './policy-admin';
export * from './admin';
export * from './connector-status';
