/** The shared Lightspeed client: one import for the handlers. */
export {
  AuthenticationError, BadRequestError, ComponentError, ForbiddenError, GatewayTimeoutError, LightspeedApiError,
  MalformedResponseError, NotFoundError, RateLimitError, ServerError, TransportError, ValidationError,
} from './http';
export type { RequestContext } from './http';
export { LightspeedClient } from './LightspeedClient';
export type { ApiRequest, ApiResponse, LightspeedClientOptions } from './LightspeedClient';
export { EntityApi } from './entityApi';
export type { CollectionQuery } from './entityApi';
export type { Page } from './paginator';
export type { JsonRecord } from '../catalog/records';
export { parseCredentials } from './auth';
export type { Credentials } from './auth';
export type { TokenSet } from './auth';
export type { Logger } from './http';
export { resetConnections } from './connections';
export { parseId } from './paths';
