/** The shared Lightspeed client: one import for the handlers. */
export * from './errors';
export { LightspeedClient } from './LightspeedClient';
export type { ApiRequest, ApiResponse, LightspeedClientOptions } from './LightspeedClient';
export { EntityApi } from './entityApi';
export type { CollectionQuery } from './entityApi';
export type { Page } from './paginator';
export type { JsonRecord } from './normalize';
export { parseCredentials } from './credentials';
export type { Credentials } from './credentials';
export type { TokenSet } from './oauth';
export type { Logger } from './logger';
export { resetConnections } from './connections';
export { parseId } from './paths';
