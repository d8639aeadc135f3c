import { describe, expect, it } from 'vitest';
import { CredentialGate, credentialGate, GateWaitEnded } from '../../provider/transport/credential-gate';

// The gate's rules one by one (the emulator tests in test/reliability/lockout show them keeping a key unlocked).

const settled = async (promise: Promise<unknown>) => {
  let state = 'pending';
  promise.then(() => (state = 'admitted'), () => (state = 'rejected'));
  await new Promise((resolve) => setImmediate(resolve));
  return state;
};

describe('the credential gate', () => {
  it('lets one request out until the credentials are accepted, then all', async () => {
    const gate = new CredentialGate();
    const first = await gate.admit(undefined, 10_000);
    const second = gate.admit(undefined, 10_000);
    const third = gate.admit(undefined, 10_000);
    expect(await settled(second)).toBe('pending');
    gate.accept();
    expect([await settled(second), await settled(third)]).toEqual(['admitted', 'admitted']);
    gate.release(first);
    await expect(gate.admit(undefined, 10_000)).resolves.toBeDefined();
  });

  it('passes the turn to the next waiting request when the one out got no answer', async () => {
    const gate = new CredentialGate();
    const first = await gate.admit(undefined, 10_000);
    const second = gate.admit(undefined, 10_000);
    const third = gate.admit(undefined, 10_000);
    gate.release(first);
    expect([await settled(second), await settled(third)]).toEqual(['admitted', 'pending']);
    gate.release(await second);
    expect(await settled(third)).toBe('admitted');
  });

  it('fails the waiting requests with the refusal, then lets one request out again', async () => {
    const gate = new CredentialGate();
    const first = await gate.admit(undefined, 10_000);
    const waiting = [gate.admit(undefined, 10_000), gate.admit(undefined, 10_000)];
    const refusal = new Error('refused');
    gate.refuse(first, refusal);
    for (const each of waiting) await expect(each).rejects.toBe(refusal);
    await expect(gate.admit(undefined, 10_000)).resolves.toBeDefined();
    expect(await settled(gate.admit(undefined, 10_000))).toBe('pending');
  });

  it('ends a wait at the caller’s signal or the deadline, and the request gone no longer holds a place', async () => {
    const gate = new CredentialGate();
    const first = await gate.admit(undefined, 10_000);
    const controller = new AbortController();
    const aborted = gate.admit(controller.signal, 10_000);
    controller.abort();
    await expect(aborted).rejects.toEqual(new GateWaitEnded('aborted'));
    await expect(gate.admit(undefined, 5)).rejects.toEqual(new GateWaitEnded('deadline'));
    await expect(gate.admit(AbortSignal.abort(), 10_000)).rejects.toEqual(new GateWaitEnded('aborted'));
    const next = gate.admit(undefined, 10_000);
    gate.release(first);
    expect(await settled(next)).toBe('admitted');
  });

  it('keeps a bounded number of gates: idle ones are dropped, never one with a request out', async () => {
    const busy = credentialGate('busy', 'https://kms.example');
    await busy.admit(undefined, 10_000);
    const idle = credentialGate('idle', 'https://kms.example');
    for (let index = 0; index < 300; index++) credentialGate(`rotated-${index}`, 'https://kms.example');
    expect(credentialGate('busy', 'https://kms.example')).toBe(busy);
    expect(credentialGate('idle', 'https://kms.example')).not.toBe(idle);
  });

  it('is one gate per credentials and origin, shared in the process', () => {
    expect(credentialGate('identity-a', 'https://kms.cn-north-4.myhuaweicloud.com')).toBe(credentialGate('identity-a', 'https://kms.cn-north-4.myhuaweicloud.com'));
    expect(credentialGate('identity-a', 'https://kms.cn-north-4.myhuaweicloud.com')).not.toBe(credentialGate('identity-b', 'https://kms.cn-north-4.myhuaweicloud.com'));
    expect(credentialGate('identity-a', 'https://kms.cn-north-4.myhuaweicloud.com')).not.toBe(credentialGate('identity-a', 'https://sfs-turbo.cn-north-4.myhuaweicloud.com'));
  });
});
