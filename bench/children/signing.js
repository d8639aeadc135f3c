'use strict';
// Signatures per second of one signer, `ours` (signRequest) or `official` (AKSKSigner, as BasicCredentials calls it),
// on the same IAM project-quota GET; each signs with the current time, as a real request does.
const { performance } = require('node:perf_hooks');
const { reportOnExit } = require('./report');

const [which, duration] = process.argv.slice(2);
const durationMs = Number(duration);
const projectId = '0dea2644dc80d5d22ff1c01e3ebea6fc';
const url = `https://iam.cn-north-4.myhuaweicloud.com/v3.0/OS-QUOTA/projects/${projectId}`;
const credentials = { accessKey: 'HPUAEMULATORROOT0001', secretKey: 'EmulatorRootSecretKey0000000000000000001' };

function oursSigner() {
  const { signRequest } = require('pulumi-huaweicloud-quotas/client');
  return () => signRequest({ method: 'GET', url, headers: { 'Content-Type': 'application/json', 'X-Project-Id': projectId } }, credentials);
}

function officialSigner() {
  const { AKSKSigner } = require('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner');
  const credential = { getAk: () => credentials.accessKey, getSk: () => credentials.secretKey };
  return () => AKSKSigner.sign({ endpoint: url, method: 'GET', headers: { 'Content-Type': 'application/json', 'X-Project-Id': projectId }, queryParams: {} }, credential);
}

const sign = which === 'official' ? officialSigner() : oursSigner();
let authorization = '';
// Warm up for a fifth of the time, so that both run optimised code, then count.
for (const phase of ['warm-up', 'measure']) {
  const phaseMs = phase === 'warm-up' ? durationMs / 5 : durationMs;
  const started = performance.now();
  let count = 0;
  let elapsed = 0;
  while (elapsed < phaseMs) {
    for (let i = 0; i < 100; i++) authorization = sign().Authorization;
    count += 100;
    elapsed = performance.now() - started;
  }
  if (phase === 'measure') reportOnExit({ signaturesPerSecond: (count * 1000) / elapsed, signed: authorization.startsWith('SDK-HMAC-SHA256 ') });
}
