// Shared by the auth benches (bench/auth/verify.ts, bench/request/authenticate.ts): one way to mint distinct
// RS256 session tokens and one way to race contenders, so both benches measure the same thing the same way.
import { type KeyObject, sign } from 'node:crypto';
import { useSignatureCheck } from '../../src/auth/verify-signature.js';
import { webCryptoSignatureCheck } from '../../src/auth/web-signature-check.js';
import { nodeSignatureCheck } from '../../src/node/node-signature-check.js';

const b64 = (value: string | Buffer): string => Buffer.from(value).toString('base64url');

/**
 * Mints a valid v2 session token for user `index`, signed with `privateKey` (RS256).
 *
 * @example
 * const token = mintSessionToken(privateKey, 1, { kid: 'ins_bench', azp: 'https://app.example.com' });
 */
export function mintSessionToken(privateKey: KeyObject, index: number, claims: { kid: string; azp: string }): string {
  const now = Math.floor(Date.now() / 1000);
  const header = b64(JSON.stringify({ alg: 'RS256', kid: claims.kid, typ: 'JWT' }));
  const payload = b64(
    JSON.stringify({
      sub: `user_${index}`,
      sid: `sess_${index}`,
      iat: now - 5,
      nbf: now - 5,
      exp: now + 3600,
      azp: claims.azp,
      iss: 'https://clerk.example.com',
      v: 2,
      o: { id: 'org_1', rol: 'admin', per: 'read,manage', fpm: '3' },
      fea: 'o:reports',
    }),
  );
  return `${header}.${payload}.${b64(sign('sha256', Buffer.from(`${header}.${payload}`), privateKey))}`;
}

/**
 * Runs every contender's pass in interleaved rounds and keeps each one's best ops/s: the machine may be shared,
 * and the best pass is the one least disturbed by other load. Round 0 is a warm-up (JIT, key import, caches).
 * The contender named `oursNode` runs with the native signature check of the `node` export condition.
 *
 * @example
 * const best = await bestOfRounds({ ours: () => verify(token) }, 5, pass);
 */
export async function bestOfRounds<Run>(
  contenders: Record<string, Run>,
  rounds: number,
  pass: (run: Run) => Promise<number>,
): Promise<Record<string, number>> {
  const best: Record<string, number> = {};
  for (let round = 0; round < rounds + 1; round++) {
    for (const [name, run] of Object.entries(contenders)) {
      useSignatureCheck(name === 'oursNode' ? nodeSignatureCheck : webCryptoSignatureCheck);
      const opsPerSecond = await pass(run);
      useSignatureCheck(webCryptoSignatureCheck);
      if (round > 0) best[name] = Math.max(best[name] ?? 0, opsPerSecond);
    }
  }
  return best;
}
