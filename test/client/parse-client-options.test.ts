import { describe, expect, it } from 'vitest';
import { checkNumber, parseClientOptions, type ClientOptions } from '../../src/client/client-options.js';

// parseClientOptions on its own: every default of the client configuration, and each construction error with
// the message a developer reads.

const secretKey = 'sk_test_abc123';

function refusal(options: Partial<ClientOptions> | null): string {
  try {
    parseClientOptions((options === null ? null : { secretKey, ...options }) as ClientOptions, '2026-05-12');
  } catch (error) {
    expect(error).toBeInstanceOf(TypeError);
    return (error as Error).message;
  }
  return 'accepted';
}

describe('parseClientOptions', () => {
  it('applies every default', () => {
    const { config, secretKey: key } = parseClientOptions({ secretKey }, '2026-05-12');
    expect(key).toBe(secretKey);
    const { logger, ...rest } = config;
    expect(rest).toEqual({
      apiOrigin: 'https://api.clerk.com',
      baseUrl: 'https://api.clerk.com/v1',
      apiUrl: 'https://api.clerk.com',
      apiVersion: 'v1',
      specVersion: '2026-05-12',
      fetch: undefined,
      timeoutMs: 30_000,
      maxRetries: 2,
      userAgent: 'clerk-bapi',
      responseValidation: 'warn',
      maxResponseBytes: 10 * 1024 * 1024,
      initialDelayMs: 500,
      maxDelayMs: 8000,
      maxRetryAfterMs: 60_000,
    });
    expect(typeof logger.warn).toBe('function');
  });

  it('joins apiUrl (trailing slashes dropped) and apiVersion into the base URL, or uses apiUrl alone for ""', () => {
    const { config } = parseClientOptions({ secretKey, apiUrl: 'https://proxy.example.com/clerk//', apiVersion: 'v2' }, 's');
    expect([config.apiOrigin, config.apiUrl, config.baseUrl]).toEqual([
      'https://proxy.example.com',
      'https://proxy.example.com/clerk',
      'https://proxy.example.com/clerk/v2',
    ]);
    expect(parseClientOptions({ secretKey, apiVersion: '' }, 's').config.baseUrl).toBe('https://api.clerk.com');
  });

  it('takes the given values', () => {
    const fetch = async () => new Response();
    const { config } = parseClientOptions(
      {
        secretKey,
        fetch,
        timeoutMs: 5,
        maxRetries: 0,
        userAgent: 'my-app/1.0',
        responseValidation: 'off',
        maxResponseBytes: 1,
        backoff: { initialDelayMs: 0, maxDelayMs: 1, maxRetryAfterMs: 2 },
      },
      's',
    );
    expect(config).toMatchObject({
      fetch,
      timeoutMs: 5,
      maxRetries: 0,
      userAgent: 'my-app/1.0',
      responseValidation: 'off',
      maxResponseBytes: 1,
      initialDelayMs: 0,
      maxDelayMs: 1,
      maxRetryAfterMs: 2,
    });
  });

  it.each([
    ['options that are not an object', null, 'createClerkClient: options must be an object with a secretKey.'],
    [
      'an apiVersion with a slash',
      { apiVersion: 'v1/x' },
      'createClerkClient: The apiVersion option must be a path segment such as "v1" (or "" for none).',
    ],
    [
      'an apiVersion that is not a string',
      { apiVersion: 1 as unknown as string },
      'createClerkClient: The apiVersion option must be a path segment such as "v1" (or "" for none).',
    ],
    ['an empty userAgent', { userAgent: '' }, 'createClerkClient: The userAgent option must be a non-empty printable ASCII string.'],
    [
      'a userAgent with a tab',
      { userAgent: 'a\tb' },
      'createClerkClient: The userAgent option must be a non-empty printable ASCII string.',
    ],
    [
      'a userAgent that is not a string',
      { userAgent: 7 as unknown as string },
      'createClerkClient: The userAgent option must be a non-empty printable ASCII string.',
    ],
    [
      'an unknown responseValidation',
      { responseValidation: 'strict' as 'off' },
      "createClerkClient: The responseValidation option must be 'warn', 'error' or 'off'.",
    ],
    ['a fetch that is not a function', { fetch: {} as never }, 'createClerkClient: The fetch option must be a function.'],
    [
      'a logger that is not an object',
      { logger: 'console' as never },
      'createClerkClient: The logger option must be an object with a warn method.',
    ],
    [
      'a logger without warn',
      { logger: { debug: () => undefined } as never },
      'createClerkClient: The logger option must be an object with a warn method.',
    ],
    [
      'an apiUrl with a fragment',
      { apiUrl: 'https://api.clerk.com/#x' },
      'createClerkClient: The apiUrl option must be an absolute https URL (http only for localhost), without credentials, query or fragment.',
    ],
    ['a zero timeout', { timeoutMs: 0 }, 'createClerkClient: The timeoutMs option must be a number of milliseconds from 1 to 2147483647.'],
    ['11 retries', { maxRetries: 11 }, 'createClerkClient: The maxRetries option must be a whole number of retries from 0 to 10.'],
    [
      'a fractional maxResponseBytes',
      { maxResponseBytes: 1.5 },
      'createClerkClient: The maxResponseBytes option must be a whole number of bytes from 1 to 9007199254740991.',
    ],
    [
      'a negative initial delay',
      { backoff: { initialDelayMs: -1 } },
      'createClerkClient: The backoff.initialDelayMs option must be a number of milliseconds from 0 to 2147483647.',
    ],
    [
      'a negative maximum delay',
      { backoff: { maxDelayMs: -1 } },
      'createClerkClient: The backoff.maxDelayMs option must be a number of milliseconds from 0 to 2147483647.',
    ],
    [
      'a negative Retry-After cap',
      { backoff: { maxRetryAfterMs: -1 } },
      'createClerkClient: The backoff.maxRetryAfterMs option must be a number of milliseconds from 0 to 2147483647.',
    ],
    [
      // A function is not a logger object, even with a warn property.
      'a function logger',
      { logger: Object.assign(() => undefined, { warn: () => undefined }) as never },
      'createClerkClient: The logger option must be an object with a warn method.',
    ],
  ])('refuses %s', (_label, options, message) => {
    expect(refusal(options as Partial<ClientOptions> | null)).toBe(message);
  });
});

it('refuses options that are undefined or a string with the options message, not a TypeError from reading them', () => {
  for (const options of [undefined, 'sk_test_x']) {
    expect(() => parseClientOptions(options as unknown as ClientOptions, '2026-05-12')).toThrow(
      new TypeError('createClerkClient: options must be an object with a secretKey.'),
    );
  }
});

describe('checkNumber', () => {
  it('gives the fallback for undefined and accepts the bounds', () => {
    expect(checkNumber('n', undefined, 3, 1, 5)).toBe(3);
    expect([checkNumber('n', 1, 3, 1, 5), checkNumber('n', 5, 3, 1, 5)]).toEqual([1, 5]);
    expect(() => checkNumber('n', 2 ** 60, 3, 1)).toThrow('n must be a number between 1 and 9007199254740991.');
    expect(() => checkNumber('n', 0.5, 3, 0, 1, true)).toThrow('n must be an integer between 0 and 1.');
  });
});
