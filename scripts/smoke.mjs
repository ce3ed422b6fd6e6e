// Smoke test of the BUILT package (dist/) on whatever Node runs it — CI runs it on Node 20, 22 and 24.
// Plain JavaScript on purpose: no tsx, no TypeScript. It imports the package by its own name, so Node resolves
// the published exports map (self-reference), and its `imports` by the `node` condition, exactly as an app would.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { generateKeyPair, exportSPKI, SignJWT } from 'jose';

const { createClerkClient, verifyToken, decodeJwt, SPEC_VERSION } = await import('clerk-bapi');
const auth = await import('clerk-bapi/auth');
const require = createRequire(import.meta.url);

function check(condition, message) {
  if (!condition) {
    console.error(`smoke: FAILED: ${message}`);
    process.exit(1);
  }
  console.log(`smoke: ok: ${message}`);
}

// CommonJS users get the CJS build (no require(esm) involved).
const required = require('clerk-bapi');
check(typeof required.createClerkClient === 'function', `require('clerk-bapi') loads the CJS build on ${process.version}`);
check(
  require.resolve('#signature-check').endsWith('dist/node/signature-check.cjs') &&
    import.meta.resolve('#signature-check').endsWith('dist/node/signature-check.js') &&
    import.meta.resolve('#webhook-signer').endsWith('dist/node/webhook-signer.js'),
  'the node import condition picks the native checks in both formats',
);
check(typeof require('clerk-bapi/auth').verifyToken === 'function', "require('clerk-bapi/auth') loads");
check(typeof auth.verifyToken === 'function', "import('clerk-bapi/auth') loads");
check(
  typeof (await import('clerk-bapi/errors')) === 'object' && typeof require('clerk-bapi/errors') === 'object',
  'the ./errors entry loads in both formats',
);
check(require('clerk-bapi/package.json').name === 'clerk-bapi', 'package.json is exported');

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
  // The CJS build validates too: in strict mode the incomplete user fails its check, and its shape says where.
  const strict = required.createClerkClient({
    secretKey: 'sk_test_smoke',
    apiUrl: `http://127.0.0.1:${port}`,
    responseValidation: 'error',
  });
  const invalid = await strict.users.getUserList({ limit: 1 });
  check(invalid.errors?.[0]?.code === 'response_validation_failed', 'the CJS build validates a response and explains the mismatch');
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
  // On Node the signature is checked by node:crypto: WebCrypto's verify is never called.
  let subtleVerifies = 0;
  const subtleVerify = crypto.subtle.verify;
  crypto.subtle.verify = (...args) => (subtleVerifies++, subtleVerify.apply(crypto.subtle, args));
  const verified = await verifyToken(token, { jwtKey: await exportSPKI(publicKey) });
  check(!verified.errors, 'verifyToken accepts a locally signed session token');
  const verifiedCjs = await required.verifyToken(token, { jwtKey: await exportSPKI(publicKey) });
  check(verifiedCjs.data?.userId === 'user_1', 'the CJS verifyToken accepts it too');
  check(subtleVerifies === 0, 'both formats verify with the native node:crypto check');
  delete crypto.subtle.verify;
  const decoded = decodeJwt(token);
  check(decoded.data?.payload.sub === 'user_1', 'decodeJwt reads the payload');
  const forged = await verifyToken(`${token.slice(0, -4)}AAAA`, { jwtKey: await exportSPKI(publicKey) });
  check(forged.errors?.[0]?.code === 'token_invalid_signature', 'a forged signature is rejected with a reason code');
  const { createWebAuth } = await import('clerk-bapi/web');
  const { clerkMiddleware } = await import('clerk-bapi/express');
  const { clerkPlugin } = await import('clerk-bapi/fastify');
  check(typeof clerkMiddleware === 'function' && typeof clerkPlugin === 'function', 'the ./express and ./fastify entries load');
  const protectedFetch = createWebAuth({ jwtKey: await exportSPKI(publicKey) }).withAuth((_request, auth) =>
    Response.json({ userId: auth.userId }),
  );
  const allowed = await protectedFetch(new Request('http://localhost/', { headers: { authorization: `Bearer ${token}` } }));
  const refused = await protectedFetch(new Request('http://localhost/'));
  check((await allowed.json()).userId === 'user_1' && refused.status === 401, 'the ./web entry authenticates a Request');
} finally {
  server.close();
}

// Webhooks entry: the Standard Webhooks known-answer vector (SECURITY.md D30) on this Node.
const webhooks = await import('clerk-bapi/webhooks');
const vector = {
  headers: {
    'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
    'webhook-timestamp': '1614265330',
    'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
  },
  rawBody: '{"test": 2432232314}',
};
const vectorOptions = { signingSecret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', now: () => 1614265330_000 };
const signed = await webhooks.verifyWebhook(vector, vectorOptions);
// The vector's body is not an event: a matching signature shows as payload_invalid, a wrong one as signature_invalid.
check(signed.errors?.[0]?.code === 'payload_invalid', 'verifyWebhook matches the known-answer signature');
const tampered = await webhooks.verifyWebhook({ ...vector, rawBody: '{"test": 2432232315}' }, vectorOptions);
check(tampered.errors?.[0]?.code === 'signature_invalid', 'a tampered webhook body is rejected');
check(typeof (await import('clerk-bapi/express')).clerkWebhook === 'function', 'the ./express entry loads');
