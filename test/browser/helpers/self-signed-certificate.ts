// A throwaway self-signed TLS certificate for the fake Frontend API, made with the `openssl` command at test
// time (Chromium runs with --ignore-certificate-errors, so only the TLS handshake itself matters).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Certificate {
  key: string;
  cert: string;
}

/** Generates a one-day RSA certificate for `hostname`; rejects when `openssl` is not installed. */
export async function selfSignedCertificate(hostname: string): Promise<Certificate> {
  const dir = await mkdtemp(join(tmpdir(), 'clerk-bapi-tls-'));
  try {
    const keyFile = join(dir, 'key.pem');
    const certFile = join(dir, 'cert.pem');
    await run(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        `/CN=${hostname}`,
        '-addext',
        `subjectAltName=DNS:${hostname}`,
        '-keyout',
        keyFile,
        '-out',
        certFile,
      ],
      { timeout: 30_000 },
    );
    return { key: await readFile(keyFile, 'utf8'), cert: await readFile(certFile, 'utf8') };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
