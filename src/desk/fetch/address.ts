import {
  AddressNotAllowedError,
  guardAddress as guardPublicAddress,
  type Resolve,
  type ResolvedAddress,
} from '../../platform/outbound/index.js';
import { BlockedAddressError } from './errors.js';

export type {
  Resolve,
  ResolvedAddress,
} from '../../platform/outbound/index.js';

/** The platform's address guard, its refusal reported as the desk's own fetch error. */
export async function guardAddress(
  url: URL,
  options: { allowHosts: readonly string[]; resolve: Resolve },
): Promise<ResolvedAddress> {
  try {
    return await guardPublicAddress(url, options);
  } catch (error) {
    if (error instanceof AddressNotAllowedError)
      throw new BlockedAddressError(error.url, error.address, error.range);
    throw error;
  }
}
