/**
 * The worker's egress policy: what the worker may fetch and what its browser may open.
 * Public addresses are allowed; loopback, private, link-local, multicast and reserved
 * ones only for allowlisted origins (the app itself, the configured APIs, EGRESS_ALLOW).
 */
export { classifyAddress, isPublicAddress, type AddressKind, type AddressVerdict } from './address';
export { allowlistFromSettings, EgressAllowlist, normalizeOrigin, type EgressSettings } from './allowlist';
export { EGRESS_HEADER, startEgressProxy, type EgressProxy } from './browser-proxy';
export { publicAddressOf, type LookupAll } from './destination';
export { createEgress, guardedConnector, type Egress } from './dispatcher';
export { EgressRefused, errorChain, findEgressRefusal, networkErrorCode, networkFailureWords } from './errors';
export { guardedFetch, MAX_REDIRECTS, TooManyRedirects, type GuardedRequestInit } from './guarded-fetch';
export { checkUrl } from './check-url';
export { workerEgress, workerEgressWith } from './worker-egress';
