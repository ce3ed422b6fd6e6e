// Type-level proof that every generated zod validator's output is assignable to the openapi-typescript type
// of the same component: the runtime validators and the static types cannot drift apart.
import { expectTypeOf, test } from 'vitest';
import type { z } from 'zod';
import type { schemas } from '../../src/generated/schemas.js';
import type { components } from '../../src/generated/types.js';

type Schemas = typeof schemas;
type ComponentSchemas = components['schemas'];

/** `true` per component when the validator's output fits the static type, else the component's name. */
type Mismatches = {
  [K in keyof ComponentSchemas & keyof Schemas]: z.output<ReturnType<Schemas[K]>> extends ComponentSchemas[K] ? never : K;
}[keyof ComponentSchemas & keyof Schemas];

test('every component validator outputs its openapi-typescript type', () => {
  expectTypeOf<Mismatches>().toEqualTypeOf<never>();
});

test('every component has a validator and every validator a component', () => {
  expectTypeOf<Exclude<keyof ComponentSchemas, keyof Schemas>>().toEqualTypeOf<never>();
  expectTypeOf<Exclude<keyof Schemas, keyof ComponentSchemas>>().toEqualTypeOf<never>();
});

test('the check can fail: a validator of the wrong shape is reported', () => {
  type Wrong = z.output<ReturnType<Schemas['ClerkError']>> extends ComponentSchemas['Organization'] ? never : 'ClerkError';
  expectTypeOf<Wrong>().toEqualTypeOf<'ClerkError'>();
});
