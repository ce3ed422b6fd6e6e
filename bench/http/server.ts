// One app of the HTTP benchmark, in its own process: `node --import tsx bench/http/server.ts <framework> <auth>`,
// with the key material in the environment. Prints `{"port":…}` once listening. The same route everywhere:
// GET /me answers the signed-in user id, or 401; GET /__cpu the process's CPU time (all threads: WebCrypto's
// thread pool counts too), so that the driver can report CPU per request, which other load on the machine disturbs
// far less than requests per second, and its count of WebCrypto signature checks. clerk-bapi is imported from the
// built package (dist/, through its own exports map), as users run it; Clerk's SDKs from node_modules.
import type { AddressInfo } from 'node:net';

type Framework = 'express' | 'fastify';
type Auth = 'none' | 'bare-jwtkey' | 'ours-jwtkey' | 'ours-jwks' | 'clerk-jwtkey' | 'clerk-jwks';

const [framework, auth] = process.argv.slice(2) as [Framework, Auth];
const env = process.env;
const jwks = auth.endsWith('-jwks');
// Both libraries get the same keys and checks: networkless with the PEM, or the Backend API JWKS of a local stub.
const options = {
  publishableKey: env['BENCH_PUBLISHABLE_KEY'] as string,
  secretKey: env['BENCH_SECRET_KEY'] as string,
  authorizedParties: [env['BENCH_PARTY'] as string],
  ...(jwks ? { apiUrl: env['BENCH_API_URL'] as string } : { jwtKey: env['BENCH_JWT_KEY'] as string }),
};

// Counts WebCrypto signature checks, so that the driver can tell that clerk-bapi ran its `node` condition
// (node:crypto) as it does for users, not the WebCrypto check.
let webCryptoVerifies = 0;
const subtleVerify = crypto.subtle.verify.bind(crypto.subtle);
crypto.subtle.verify = ((...args: Parameters<SubtleCrypto['verify']>) => {
  webCryptoVerifies++;
  return subtleVerify(...args);
}) as SubtleCrypto['verify'];
const usage = (): object => ({ ...process.cpuUsage(), webCryptoVerifies });

type UserOf = (req: never) => string | null | undefined;

/**
 * The floor of any verifier with a synchronous check: the RS256 signature with `node:crypto`, then `sub`; no claim,
 * header or shape check at all. Never use this to authenticate anything.
 */
async function bareCheck(): Promise<(authorization: unknown) => string | null> {
  const { createPublicKey, verify } = await import('node:crypto');
  const key = createPublicKey(env['BENCH_JWT_KEY'] as string);
  return (authorization) => {
    const token = String(authorization).slice('Bearer '.length);
    const dot = token.lastIndexOf('.');
    if (!verify('sha256', Buffer.from(token.slice(0, dot), 'latin1'), key, Buffer.from(token.slice(dot + 1), 'base64url'))) return null;
    const payload = token.slice(token.indexOf('.') + 1, dot);
    return (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: string }).sub ?? null;
  };
}
const BARE_USER = Symbol('bench.bareUser');
// Through a variable, so that typechecking (which runs without a build) does not look for dist/; the types are the source's.
const package_ = (subpath: string): string => `clerk-bapi/${subpath}`;

async function expressApp(): Promise<number> {
  const { default: express } = await import('express');
  const app = express();
  let userOf: UserOf = () => null;
  if (auth.startsWith('ours')) {
    const { clerkMiddleware, getAuth } = (await import(package_('express'))) as typeof import('../../src/express/index.js');
    app.use(clerkMiddleware(options) as never);
    userOf = (req) => getAuth(req).userId;
  } else if (auth === 'bare-jwtkey') {
    const check = await bareCheck();
    app.use((req, _res, next) => {
      (req as unknown as Record<symbol, string | null>)[BARE_USER] = check(req.headers.authorization);
      next();
    });
    userOf = (req) => (req as unknown as Record<symbol, string | null>)[BARE_USER];
  } else if (auth.startsWith('clerk')) {
    const { clerkMiddleware, getAuth } = await import('@clerk/express');
    app.use(clerkMiddleware(options));
    userOf = (req) => getAuth(req).userId;
  }
  app.get('/__cpu', (_req, res) => void res.json(usage()));
  app.get('/me', (req, res) => {
    const userId = auth === 'none' ? 'anonymous' : userOf(req as never);
    if (!userId) return void res.status(401).json({ error: 'unauthenticated' });
    res.json({ userId });
  });
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

async function fastifyApp(): Promise<number> {
  const { default: fastify } = await import('fastify');
  const app = fastify();
  let userOf: UserOf = () => null;
  if (auth.startsWith('ours')) {
    const { clerkPlugin, getAuth } = (await import(package_('fastify'))) as typeof import('../../src/fastify/index.js');
    await app.register(clerkPlugin as never, options as never);
    userOf = (req) => getAuth(req).userId;
  } else if (auth === 'bare-jwtkey') {
    const check = await bareCheck();
    app.addHook('preHandler', async (request) => {
      (request as unknown as Record<symbol, string | null>)[BARE_USER] = check(request.headers.authorization);
    });
    userOf = (req) => (req as unknown as Record<symbol, string | null>)[BARE_USER];
  } else if (auth.startsWith('clerk')) {
    const { clerkPlugin, getAuth } = await import('@clerk/fastify');
    await app.register(clerkPlugin, options as never);
    userOf = (req) => getAuth(req).userId;
  }
  app.get('/__cpu', async () => usage());
  app.get('/me', async (request, reply) => {
    const userId = auth === 'none' ? 'anonymous' : userOf(request as never);
    if (!userId) return reply.code(401).send({ error: 'unauthenticated' });
    return { userId };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return (app.server.address() as AddressInfo).port;
}

const port = framework === 'express' ? await expressApp() : await fastifyApp();
process.stdout.write(`${JSON.stringify({ port })}\n`);
// A clean exit on SIGINT, so that `--cpu-prof` (for profiling a cell) writes its profile.
process.once('SIGINT', () => process.exit(0));
