// Smoke test of the BUILT package (dist/) on whatever Node runs it — CI runs it on the machine's Node 20.
// Plain JavaScript on purpose: no tsx, no TypeScript, just the published entry points.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { generateKeyPair, exportSPKI, SignJWT } from 'jose';

const { createClerkClient, verifyToken, decodeJwt, SPEC_VERSION } = await import('../dist/index.js');
const auth = await import('../dist/auth/index.js');

function check(condition, message) {
  if (!condition) {
    console.error(`smoke: FAILED: ${message}`);
    process.exit(1);
  }
  console.log(`smoke: ok: ${message}`);
}

// require(esm) is how CommonJS users load this ESM-only package (Node >= 20.19).
const required = createRequire(import.meta.url)('../dist/index.js');
check(typeof required.createClerkClient === 'function', `require() of the ESM build works on ${process.version}`);
check(typeof auth.verifyToken === 'function', 'the ./auth entry loads');

const user = { id: 'user_1', object: 'user' };
const server = createServer((request, response) => {
  const found = request.url?.startsWith('/v1/users?');
  response.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
  response.end(JSON.stringify(found ? [user] : { errors: [{ code: 'resource_not_found', message: 'not found' }] }));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();

try {
  const clerk = createClerkClient({ secretKey: 'sk_test_smoke', apiUrl: `http://127.0.0.1:${port}`, responseValidation: 'off' });
  const list = await clerk.users.getUserList({ limit: 1 });
  check(!list.errors && list.data[0].id === 'user_1', `users.getUserList over HTTP (Clerk-API-Version ${SPEC_VERSION})`);
  const missing = await clerk.users.getUser('user_2');
  check(missing.errors?.[0]?.code === 'resource_not_found' && missing.status === 404, 'an API error is a value with its status');

  const { publicKey, privateKey } = await generateKeyPair('RS256', { modulusLength: 2048 });
  const now = Math.floor(Date.now() / 1000);
  const token = await new SignJWT({ sid: 'sess_1' })
    .setProtectedHeader({ alg: 'RS256', kid: 'ins_1', typ: 'JWT' })
    .setSubject('user_1')
    .setIssuedAt(now)
    .setNotBefore(now - 10)
    .setExpirationTime(now + 60)
    .sign(privateKey);
  const verified = await verifyToken(token, { jwtKey: await exportSPKI(publicKey) });
  check(!verified.errors, 'verifyToken accepts a locally signed session token');
  const decoded = decodeJwt(token);
  check(decoded.data?.payload.sub === 'user_1', 'decodeJwt reads the payload');
  const forged = await verifyToken(`${token.slice(0, -4)}AAAA`, { jwtKey: await exportSPKI(publicKey) });
  check(forged.errors?.[0]?.code === 'token_invalid_signature', 'a forged signature is rejected with a reason code');
  const { createWebAuth } = await import('../dist/web/index.js');
  const { clerkMiddleware } = await import('../dist/express/index.js');
  const { clerkPlugin } = await import('../dist/fastify/index.js');
  check(typeof clerkMiddleware === 'function' && typeof clerkPlugin === 'function', 'the ./express and ./fastify entries load');
  const protectedFetch = createWebAuth({ jwtKey: await exportSPKI(publicKey) }).withAuth((_request, auth) => Response.json({ userId: auth.userId }));
  const allowed = await protectedFetch(new Request('http://localhost/', { headers: { authorization: `Bearer ${token}` } }));
  const refused = await protectedFetch(new Request('http://localhost/'));
  check((await allowed.json()).userId === 'user_1' && refused.status === 401, 'the ./web entry authenticates a Request');
} finally {
  server.close();
}

// Webhooks entry: the Standard Webhooks known-answer vector (SECURITY.md D30) on this Node.
const webhooks = await import('../dist/webhooks/index.js');
const vector = {
  headers: { 'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek', 'webhook-timestamp': '1614265330', 'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=' },
  rawBody: '{"test": 2432232314}',
};
const vectorOptions = { signingSecret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', now: () => 1614265330_000 };
const signed = await webhooks.verifyWebhook(vector, vectorOptions);
// The vector's body is not an event: a matching signature shows as payload_invalid, a wrong one as signature_invalid.
check(signed.errors?.[0]?.code === 'payload_invalid', 'verifyWebhook matches the known-answer signature');
const tampered = await webhooks.verifyWebhook({ ...vector, rawBody: '{"test": 2432232315}' }, vectorOptions);
check(tampered.errors?.[0]?.code === 'signature_invalid', 'a tampered webhook body is rejected');
check(typeof (await import('../dist/express/index.js')).clerkWebhook === 'function', 'the ./express entry loads');
