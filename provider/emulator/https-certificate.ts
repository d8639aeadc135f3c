import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { isIP } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** A throwaway certificate, its own CA: clients trust it through `caCertFile` / `OS_CACERT`. */
export interface SelfSignedCertificate {
  /** PEM file to give clients as their CA file. */
  certFile: string;
  cert: string;
  key: string;
  /** Deletes the temporary directory holding the files. */
  remove(): Promise<void>;
}

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '']);

/**
 * Makes a self-signed certificate (P-256, valid two days) for `localhost`, `127.0.0.1`, `::1` and the host the
 * emulator listens on, with the `openssl` binary, in a new temporary directory.
 */
export async function createSelfSignedCertificate(host: string): Promise<SelfSignedCertificate> {
  const names = ['DNS:localhost', 'IP:127.0.0.1', 'IP:::1'];
  if (!WILDCARD_HOSTS.has(host)) {
    const name = isIP(host) ? `IP:${host}` : `DNS:${host}`;
    if (!names.includes(name)) names.push(name);
  }
  const dir = await mkdtemp(join(tmpdir(), 'hwquota-emulator-tls-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  const certFile = join(dir, 'ca.pem');
  const keyFile = join(dir, 'key.pem');
  try {
    await promisify(execFile)('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
      '-subj', '/CN=hwquota emulator', '-addext', `subjectAltName=${names.join(',')}`,
      '-keyout', keyFile, '-out', certFile,
    ]);
    return { certFile, cert: await readFile(certFile, 'utf8'), key: await readFile(keyFile, 'utf8'), remove };
  } catch (error) {
    await remove();
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'the openssl binary is not on PATH' : (error as Error).message;
    throw new Error(`cannot make the emulator's TLS certificate: ${reason}`);
  }
}
