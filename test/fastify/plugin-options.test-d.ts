// A variable typed ClerkPluginOptions is accepted by Fastify's register, also under exactOptionalPropertyTypes
// (this project's tsconfig has it on), as an object literal always was.
import Fastify from 'fastify';
import { describe, expectTypeOf, it } from 'vitest';
import { clerkPlugin, type ClerkPluginOptions } from '../../src/fastify/index.js';

describe('ClerkPluginOptions', () => {
  it("is assignable to Fastify's register options when held in a typed variable", async () => {
    const app = Fastify();
    const options: ClerkPluginOptions = { jwtKey: 'pem', hookName: 'onRequest', prefix: '/api', logLevel: 'warn' };
    expectTypeOf(app.register).toBeCallableWith(clerkPlugin, options);
  });
});
