import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCanonicalRequest, canonicalQuery, computeAuthorization } from '../../provider/signing/canonical-request';
import type { SigningAlgorithm } from '../../provider/signing/digest';
import { parseSdkDate } from '../../provider/signing/sdk-date';
import { signRequest } from '../../provider/signing/sign-request';

interface Vector {
  name: string;
  algorithm: string;
  ak: string;
  sk: string;
  method: string;
  path: string;
  query: Record<string, string>;
  signedHeaders: Record<string, string>;
  body: string;
  expected: string;
  expectedCanonicalRequestSha256?: string;
}

const published = JSON.parse(readFileSync(join(__dirname, '../fixtures/signing-vectors.json'), 'utf8')) as {
  canonicalQueryString: { input: Record<string, unknown>; expected: string };
  vectors: Vector[];
};
const sdkVectors = published.vectors.filter((v) => v.algorithm.startsWith('SDK-HMAC-'));
const withHost = sdkVectors.filter((v) => Object.keys(v.signedHeaders).some((h) => h.toLowerCase() === 'host'));

function headerValue(vector: Vector, name: string): string {
  const key = Object.keys(vector.signedHeaders).find((h) => h.toLowerCase() === name);
  return vector.signedHeaders[key!]!;
}

function urlOf(vector: Vector, host = 'unused.example.com'): URL {
  const url = new URL(`https://${host}${vector.path}`);
  for (const [key, value] of Object.entries(vector.query)) url.searchParams.append(key, value);
  return url;
}

describe('published signing vectors', () => {
  it('covers both algorithms and every vector that signs host', () => {
    expect(withHost.length).toBeGreaterThanOrEqual(6);
    expect(new Set(withHost.map((v) => v.algorithm))).toEqual(new Set(['SDK-HMAC-SHA256', 'SDK-HMAC-SM3']));
  });

  it.each(withHost.map((v) => [v.name, v] as const))('signRequest reproduces %s', (_name, vector) => {
    const extraHeaders = Object.fromEntries(
      Object.entries(vector.signedHeaders).filter(([name]) => !['host', 'x-sdk-date'].includes(name.toLowerCase())),
    );
    const headers = signRequest(
      { method: vector.method, url: urlOf(vector, headerValue(vector, 'host')).href, headers: extraHeaders, body: vector.body },
      { accessKey: vector.ak, secretKey: vector.sk },
      { date: parseSdkDate(headerValue(vector, 'x-sdk-date')), algorithm: vector.algorithm as SigningAlgorithm },
    );
    expect(headers.Authorization).toBe(vector.expected);
    expect(headers['X-Sdk-Date']).toBe(headerValue(vector, 'x-sdk-date'));
  });

  it.each(sdkVectors.map((v) => [v.name, v] as const))('the canonical request reproduces %s', (_name, vector) => {
    const input = {
      algorithm: vector.algorithm as SigningAlgorithm,
      method: vector.method,
      url: urlOf(vector),
      signedHeaders: vector.signedHeaders,
      body: vector.body,
      sdkDate: headerValue(vector, 'x-sdk-date'),
    };
    expect(computeAuthorization(input, vector.ak, vector.sk)).toBe(vector.expected);
    if (vector.expectedCanonicalRequestSha256) {
      const { canonicalRequest } = buildCanonicalRequest(input);
      expect(createHash('sha256').update(canonicalRequest).digest('hex')).toBe(vector.expectedCanonicalRequestSha256);
    }
  });

  it('builds the published canonical query string (repeated keys, unicode, reserved characters)', () => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(published.canonicalQueryString.input)) {
      for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
    }
    expect(canonicalQuery(params)).toBe(published.canonicalQueryString.expected);
  });
});

describe('signRequest', () => {
  const credentials = { accessKey: 'AK1234567890', secretKey: 'SK-very-secret-1234567890' };
  const date = new Date(Date.UTC(2026, 10, 22, 8, 30, 0));

  it('signs Host from the URL, X-Sdk-Date and the given headers, and returns what to send', () => {
    const headers = signRequest(
      { method: 'GET', url: 'http://127.0.0.1:8080/base/v1/p1/kms?limit=1', headers: { 'Content-Type': 'application/json', 'X-Project-Id': 'p1' } },
      credentials,
      { date },
    );
    expect(headers['X-Sdk-Date']).toBe('20261122T083000Z');
    expect(headers.Authorization).toMatch(/^SDK-HMAC-SHA256 Access=AK1234567890, SignedHeaders=content-type;host;x-project-id;x-sdk-date, Signature=[0-9a-f]{64}$/);
    expect(headers).not.toHaveProperty('host');
    expect(headers['X-Project-Id']).toBe('p1');
  });

  it('sends and signs X-Security-Token for temporary keys', () => {
    const headers = signRequest(
      { method: 'GET', url: 'https://iam.example.com/v3/auth/domains', headers: {} },
      { ...credentials, securityToken: 'temporary-security-token' },
      { date },
    );
    expect(headers['X-Security-Token']).toBe('temporary-security-token');
    expect(headers.Authorization).toContain('SignedHeaders=host;x-sdk-date;x-security-token,');
  });

  it('replaces stale signer headers a caller passes back in (every attempt is signed afresh)', () => {
    const first = signRequest({ method: 'GET', url: 'https://a.example.com/x', headers: {} }, credentials, { date });
    const again = signRequest({ method: 'GET', url: 'https://a.example.com/x', headers: first }, credentials, {
      date: new Date(date.getTime() + 1000),
    });
    expect(again['X-Sdk-Date']).toBe('20261122T083001Z');
    expect(again.Authorization).not.toBe(first.Authorization);
    expect(again.Authorization).toContain('SignedHeaders=host;x-sdk-date,');
  });

  it('changes the signature when anything signed changes', () => {
    const base = { method: 'GET', url: 'https://a.example.com/v1/p/x?a=1', headers: { 'X-Project-Id': 'p' } };
    const reference = signRequest(base, credentials, { date }).Authorization;
    const variants = [
      { ...base, method: 'POST' },
      { ...base, url: 'https://a.example.com/v1/q/x?a=1' },
      { ...base, url: 'https://a.example.com/v1/p/x?a=2' },
      { ...base, url: 'https://b.example.com/v1/p/x?a=1' },
      { ...base, headers: { 'X-Project-Id': 'q' } },
      { ...base, body: '{}' },
    ];
    for (const variant of variants) expect(signRequest(variant, credentials, { date }).Authorization).not.toBe(reference);
    expect(signRequest(base, { ...credentials, secretKey: 'other-secret' }, { date }).Authorization).not.toBe(reference);
  });

  it('trims header values and encodes escaped path segments once', () => {
    const spaced = signRequest({ method: 'GET', url: 'https://a.example.com/a%20b', headers: { 'X-Project-Id': '  p  ' } }, credentials, { date });
    const plain = signRequest({ method: 'GET', url: 'https://a.example.com/a%20b', headers: { 'X-Project-Id': 'p' } }, credentials, { date });
    expect(spaced.Authorization).toBe(plain.Authorization);
    const { canonicalRequest } = buildCanonicalRequest({
      algorithm: 'SDK-HMAC-SHA256', method: 'GET', url: new URL('https://a.example.com/a%20b/c%2Fd'), signedHeaders: {}, sdkDate: 'x',
    });
    expect(canonicalRequest.split('\n')[1]).toBe('/a%20b/c%2Fd/');
  });

  it('rejects an unknown algorithm, a relative URL and empty keys before signing', () => {
    const request = { method: 'GET', url: 'https://a.example.com/', headers: {} };
    expect(() => signRequest(request, credentials, { algorithm: 'MD5' as SigningAlgorithm })).toThrow(/algorithm: must be one of SDK-HMAC-SHA256, SDK-HMAC-SM3/);
    expect(() => signRequest({ ...request, url: '/relative' }, credentials)).toThrow(/url: must be an absolute/);
    expect(() => signRequest(request, { accessKey: '', secretKey: 'x' })).toThrow(/accessKey/);
    expect(() => signRequest(request, { accessKey: 'x', secretKey: '' })).toThrow(/secretKey/);
  });
});
