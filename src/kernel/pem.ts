// PEM text as it arrives from configuration: environment variables and .env files often carry it on one line.

/**
 * Turns PEM text from an environment variable into real PEM: literal `\n` sequences become newlines.
 *
 * @example
 * normalizePem('-----BEGIN PUBLIC KEY-----\\nMIIB…'); // '-----BEGIN PUBLIC KEY-----\nMIIB…'
 */
export function normalizePem(pem: string): string {
  return pem
    .replace(/\\r\\n|\\n|\\r/g, '\n')
    .replace(/\r\n?/g, '\n')
    .trim();
}
