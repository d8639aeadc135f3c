import { createHmac, hash, type KeyObject } from 'node:crypto';

/** The two signing algorithms of the Huawei Cloud API gateway that sign with the secret key directly. */
export type SigningAlgorithm = 'SDK-HMAC-SHA256' | 'SDK-HMAC-SM3';

export const SIGNING_ALGORITHMS: readonly SigningAlgorithm[] = ['SDK-HMAC-SHA256', 'SDK-HMAC-SM3'];

const HASH_NAME: Record<SigningAlgorithm, string> = {
  'SDK-HMAC-SHA256': 'sha256',
  'SDK-HMAC-SM3': 'sm3',
};

/** The digest of an empty body, signed by every GET: computed once per algorithm. */
const EMPTY_DIGEST = new Map<SigningAlgorithm, string>();

export function hexDigest(algorithm: SigningAlgorithm, data: string | Uint8Array): string {
  if (data.length > 0) return hash(HASH_NAME[algorithm], data, 'hex');
  let digest = EMPTY_DIGEST.get(algorithm);
  if (digest === undefined) EMPTY_DIGEST.set(algorithm, (digest = hash(HASH_NAME[algorithm], data, 'hex')));
  return digest;
}

export function hexHmac(algorithm: SigningAlgorithm, key: string | KeyObject, data: string): string {
  return createHmac(HASH_NAME[algorithm], key).update(data).digest('hex');
}
