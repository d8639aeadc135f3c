import { createHash, createHmac } from 'node:crypto';

/** The two signing algorithms of the Huawei Cloud API gateway that sign with the secret key directly. */
export type SigningAlgorithm = 'SDK-HMAC-SHA256' | 'SDK-HMAC-SM3';

export const SIGNING_ALGORITHMS: readonly SigningAlgorithm[] = ['SDK-HMAC-SHA256', 'SDK-HMAC-SM3'];

const HASH_NAME: Record<SigningAlgorithm, string> = {
  'SDK-HMAC-SHA256': 'sha256',
  'SDK-HMAC-SM3': 'sm3',
};

export function hexDigest(algorithm: SigningAlgorithm, data: string | Uint8Array): string {
  return createHash(HASH_NAME[algorithm]).update(data).digest('hex');
}

export function hexHmac(algorithm: SigningAlgorithm, key: string, data: string): string {
  return createHmac(HASH_NAME[algorithm], key).update(data).digest('hex');
}
