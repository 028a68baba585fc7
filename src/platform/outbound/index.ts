// Requests the server makes to addresses someone else chose (feeds to follow, webhook receivers),
// guarded against reaching the server itself or its private network.
export {
  AddressNotAllowedError,
  guardAddress,
  literalHostRange,
  type Resolve,
  type ResolvedAddress,
} from './address.js';
export {
  defaultResolve,
  guardedRequest,
  pinnedRequest,
} from './request.js';
