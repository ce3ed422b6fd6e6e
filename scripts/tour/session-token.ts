// Signs a Clerk-shaped session token with a throwaway RSA key, so the tour can show networkless
// verification with `jwtKey` (the PEM public key), as an app does with CLERK_JWT_KEY.
import { exportSPKI, generateKeyPair, SignJWT } from 'jose';

export const TOUR_AUTHORIZED_PARTY = 'http://localhost:3000';

export interface LocalSessionToken {
  token: string;
  /** SPKI PEM of the signing key's public half: the `jwtKey` option of `verifyToken`. */
  publicKeyPem: string;
}

/**
 * A short-lived RS256 session token for `userId`, signed by a fresh key pair.
 *
 * @example
 * const { token, publicKeyPem } = await signLocalSessionToken('user_123');
 */
export async function signLocalSessionToken(userId: string): Promise<LocalSessionToken> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const now = Math.floor(Date.now() / 1000);
  const token = await new SignJWT({ sid: 'sess_tour0local0session', azp: TOUR_AUTHORIZED_PARTY, v: 2 })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'ins_tour0local0key' })
    .setSubject(userId)
    .setIssuer('https://tour.clerk.accounts.dev')
    .setIssuedAt(now)
    .setNotBefore(now - 5)
    .setExpirationTime(now + 60)
    .sign(privateKey);
  return { token, publicKeyPem: await exportSPKI(publicKey) };
}
