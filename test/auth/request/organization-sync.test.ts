import { match } from '@clerk/shared/pathToRegexp';
import { describe, expect, it } from 'vitest';
import {
  createOrganizationSyncMatcher,
  needsOrganizationActivation,
  organizationSyncQueryParams,
  type OrganizationSyncOptions,
  type OrganizationSyncTarget,
} from '../../../src/auth/request/organization-sync.js';

function targetFor(options: OrganizationSyncOptions | undefined, path: string): OrganizationSyncTarget | null {
  return createOrganizationSyncMatcher(options)(new URL(`http://localhost:3000${path}`));
}

// Clerk's organization-sync table (request.test.ts, `getOrganizationSyncTarget`), ported case by case.
describe('organization sync: Clerk’s matching table', () => {
  const table: { name: string; options: OrganizationSyncOptions | undefined; path: string; expected: OrganizationSyncTarget | null }[] = [
    { name: 'no options activate nothing', options: undefined, path: '/orgs/org_foo', expected: null },
    {
      name: 'activates an organization by id',
      options: { organizationPatterns: ['/orgs/:id'] },
      path: '/orgs/org_foo',
      expected: { type: 'organization', organizationId: 'org_foo' },
    },
    {
      name: 'a path that matches no pattern activates nothing',
      options: { organizationPatterns: ['/orgs/:id'] },
      path: '/personal-account/my-resource',
      expected: null,
    },
    {
      name: 'activates an organization by id with the recommended patterns',
      options: { organizationPatterns: ['/orgs/:id', '/orgs/:id/', '/orgs/:id/(.*)'] },
      path: '/orgs/org_foo',
      expected: { type: 'organization', organizationId: 'org_foo' },
    },
    {
      name: 'activates an organization by id with a trailing slash',
      options: { organizationPatterns: ['/orgs/:id', '/orgs/:id/', '/orgs/:id/(.*)'] },
      path: '/orgs/org_foo/',
      expected: { type: 'organization', organizationId: 'org_foo' },
    },
    {
      name: 'activates an organization by id with a trailing path segment',
      options: { organizationPatterns: ['/orgs/:id', '/orgs/:id/', '/orgs/:id/(.*)'] },
      path: '/orgs/org_foo/nested-resource',
      expected: { type: 'organization', organizationId: 'org_foo' },
    },
    {
      name: 'activates an organization by id with many trailing path segments',
      options: { organizationPatterns: ['/orgs/:id/(.*)'] },
      path: '/orgs/org_foo/nested-resource/and/more/deeply/nested/resources',
      expected: { type: 'organization', organizationId: 'org_foo' },
    },
    {
      name: 'activates an organization by id after an unrelated parameter',
      options: { organizationPatterns: ['/unknown-thing/:any/orgs/:id'] },
      path: '/unknown-thing/thing/orgs/org_foo',
      expected: { type: 'organization', organizationId: 'org_foo' },
    },
    {
      name: 'activates an organization by slug',
      options: { organizationPatterns: ['/orgs/:slug'] },
      path: '/orgs/my-org',
      expected: { type: 'organization', organizationSlug: 'my-org' },
    },
    {
      name: 'activates the personal account',
      options: { personalAccountPatterns: ['/personal-account'] },
      path: '/personal-account',
      expected: { type: 'personalAccount' },
    },
    {
      name: 'an id pattern listed first wins over a slug pattern',
      options: { organizationPatterns: ['/orgs/:id', '/orgs/:slug'] },
      path: '/orgs/my-org',
      expected: { type: 'organization', organizationId: 'my-org' },
    },
    {
      name: 'an organization match wins over a personal-account match',
      options: { personalAccountPatterns: ['/', '/(.*)'], organizationPatterns: ['/orgs/:slug'] },
      path: '/orgs/my-org',
      expected: { type: 'organization', organizationSlug: 'my-org' },
    },
    {
      name: 'a personal-account pattern may hold parameters',
      options: { personalAccountPatterns: ['/user/:any', '/user/:any/(.*)'] },
      path: '/user/123/home',
      expected: { type: 'personalAccount' },
    },
    {
      name: 'all of the options at once',
      options: {
        organizationPatterns: ['/orgs-by-id/:id', '/orgs-by-id/:id/(.*)', '/orgs-by-slug/:slug', '/orgs-by-slug/:slug/(.*)'],
        personalAccountPatterns: ['/personal-account', '/personal-account/(.*)'],
      },
      path: '/orgs-by-slug/org_bar/sub-resource',
      expected: { type: 'organization', organizationSlug: 'org_bar' },
    },
    // OrganizationMatcher's own tests.
    {
      name: 'the same pattern in both lists activates the organization',
      options: { organizationPatterns: ['/orgs/:id'], personalAccountPatterns: ['/orgs/:id'] },
      path: '/orgs/123',
      expected: { type: 'organization', organizationId: '123' },
    },
    {
      name: 'any of several organization patterns matches',
      options: { organizationPatterns: ['/orgs/:id', '/teams/:id'] },
      path: '/teams/123',
      expected: { type: 'organization', organizationId: '123' },
    },
    {
      name: 'another first segment activates nothing',
      options: { organizationPatterns: ['/orgs/:id'] },
      path: '/other/123',
      expected: null,
    },
  ];
  it.each(table)('$name', ({ options, path, expected }) => {
    expect(targetFor(options, path)).toEqual(expected);
  });
});

describe('organization sync: path-to-regexp semantics Clerk relies on', () => {
  it('matches literals case-insensitively and keeps the parameter’s case', () => {
    expect(targetFor({ organizationPatterns: ['/Orgs/:slug'] }, '/ORGS/My-Org')).toEqual({
      type: 'organization',
      organizationSlug: 'My-Org',
    });
  });

  it('allows one trailing slash, not two', () => {
    const options = { organizationPatterns: ['/orgs/:id'] };
    expect(targetFor(options, '/orgs/org_1/')).toEqual({ type: 'organization', organizationId: 'org_1' });
    expect(targetFor(options, '/orgs/org_1//')).toBeNull();
  });

  it('requires the segment before (.*) and a non-empty parameter', () => {
    expect(targetFor({ personalAccountPatterns: ['/personal-account/(.*)'] }, '/personal-account')).toBeNull();
    expect(targetFor({ personalAccountPatterns: ['/personal-account/(.*)'] }, '/personal-account/')).toEqual({
      type: 'personalAccount',
    });
    expect(targetFor({ organizationPatterns: ['/orgs/:id'] }, '/orgs/')).toBeNull();
    expect(targetFor({ organizationPatterns: ['/orgs/:id/x'] }, '/orgs//x')).toBeNull();
  });

  it('does not decode a parameter value', () => {
    expect(targetFor({ organizationPatterns: ['/orgs/:slug'] }, '/orgs/a%2Fb')).toEqual({
      type: 'organization',
      organizationSlug: 'a%2Fb',
    });
  });

  it('stops a parameter at a literal suffix that ends its segment', () => {
    const options = { organizationPatterns: ['/orgs/:id.json/(.*)'] };
    expect(targetFor(options, '/orgs/a.json.json/x')).toEqual({ type: 'organization', organizationId: 'a.json' });
    expect(targetFor(options, '/orgs/.json/x')).toBeNull();
  });

  it('keeps a parameter after a dot free of dots', () => {
    const options = { organizationPatterns: ['/o/file.:id'] };
    expect(targetFor(options, '/o/file.org_1')).toEqual({ type: 'organization', organizationId: 'org_1' });
    expect(targetFor(options, '/o/file.a.b')).toBeNull();
  });

  it('lets the first matching organization pattern decide, as path-to-regexp’s alternation does', () => {
    const matcher = createOrganizationSyncMatcher({ organizationPatterns: ['/orgs/:slug', '/orgs/:id'] });
    expect(matcher(new URL('https://app.example/orgs/acme'))).toEqual({ type: 'organization', organizationSlug: 'acme' });
  });

  it('reads only the path of the URL, after dot segments are resolved', () => {
    const matcher = createOrganizationSyncMatcher({ organizationPatterns: ['/orgs/:id'] });
    expect(matcher(new URL('https://app.example/orgs/org_1?tab=/orgs/x#b'))).toEqual({
      type: 'organization',
      organizationId: 'org_1',
    });
    expect(matcher(new URL('https://app.example/x/../orgs/org_2'))).toEqual({ type: 'organization', organizationId: 'org_2' });
    expect(matcher(new URL('https://app.example/x?/orgs/org_1'))).toBeNull();
  });

  it('returns null for an argument that is not a URL', () => {
    const matcher = createOrganizationSyncMatcher({ personalAccountPatterns: ['/(.*)'] });
    expect(matcher('/orgs/org_1' as never)).toBeNull();
    expect(matcher(undefined as never)).toBeNull();
  });

  it('matches a long hostile path in one pass', () => {
    const matcher = createOrganizationSyncMatcher({
      organizationPatterns: ['/a/:id.x/(.*)', '/a/:slug-b'],
      personalAccountPatterns: ['/a/b/(.*)'],
    });
    const hostile = `/a/${'.x'.repeat(50_000)}!`;
    expect(matcher(new URL(`https://app.example${hostile}`))).toBeNull();
  });
});

describe('organization sync: invalid options fail at construction', () => {
  const refusals: [string, OrganizationSyncOptions, RegExp][] = [
    ['a triple star (Clerk’s own invalid example)', { organizationPatterns: ['/orgs/:id/***'] }, /organizationPatterns\[0\]/],
    ['a triple star in the personal-account list', { personalAccountPatterns: ['/account/***'] }, /personalAccountPatterns\[0\]/],
    ['a custom parameter pattern', { organizationPatterns: ['/orgs/:id(\\d+)'] }, /custom parameter patterns/],
    ['an optional parameter', { organizationPatterns: ['/orgs/:id?'] }, /modifiers/],
    ['a missing parameter name', { organizationPatterns: ['/orgs/:'] }, /parameter name is missing/],
    ['two parameters in one segment', { organizationPatterns: ['/orgs/:id-:slug'] }, /one parameter per path segment/],
    ['a repeated parameter', { organizationPatterns: ['/orgs/:id/x/:id'] }, /appears twice/],
    ['(.*) before the end', { personalAccountPatterns: ['/(.*)/x'] }, /must end the pattern/],
    ['(.*) beside a parameter', { organizationPatterns: ['/orgs/:id(.*)'] }, /custom parameter patterns/],
    ['(.*) in the segment of a parameter', { organizationPatterns: ['/orgs/:id-(.*)'] }, /cannot share a path segment/],
    ['another group', { personalAccountPatterns: ['/(a|b)'] }, /only \(\.\*\) is supported/],
    ['a brace group', { personalAccountPatterns: ['/a{/b}?'] }, /not supported/],
    ['an escape', { personalAccountPatterns: ['/a\\.b'] }, /not supported/],
    ['a relative pattern', { personalAccountPatterns: ['account'] }, /must start with "\/"/],
    ['an empty pattern', { personalAccountPatterns: [''] }, /non-empty string/],
    ['an organization pattern without :id or :slug', { organizationPatterns: ['/orgs/:org'] }, /must have an :id or :slug/],
    ['a string instead of a list', { organizationPatterns: '/orgs/:id' as never }, /must be a list of strings/],
    ['a number in the list', { organizationPatterns: [1 as never] }, /organizationPatterns\[0\]/],
    ['an unknown key', { organisationPatterns: ['/orgs/:id'] } as never, /unknown key/],
  ];
  it.each(refusals)('refuses %s with a TypeError naming the option', (_name, options, message) => {
    expect(() => createOrganizationSyncMatcher(options)).toThrow(TypeError);
    expect(() => createOrganizationSyncMatcher(options)).toThrow(/organizationSyncOptions/);
    expect(() => createOrganizationSyncMatcher(options)).toThrow(message);
  });

  it('names the position of the bad pattern in its list', () => {
    expect(() => createOrganizationSyncMatcher({ personalAccountPatterns: ['/ok', '/ok/(.*)', '/bad/*'] })).toThrow(
      /personalAccountPatterns\[2\]/,
    );
  });

  it('refuses options that are not an object', () => {
    expect(() => createOrganizationSyncMatcher(['/orgs/:id'] as never)).toThrow(/organizationSyncOptions option must be an object/);
    expect(() => createOrganizationSyncMatcher('x' as never)).toThrow(TypeError);
  });

  it('accepts absent lists and empty options', () => {
    expect(targetFor({}, '/orgs/x')).toBeNull();
    expect(targetFor({ organizationPatterns: [], personalAccountPatterns: undefined }, '/orgs/x')).toBeNull();
  });
});

describe('organization sync: handshake helpers', () => {
  it('sends the id, the slug or an empty value as organization_id, as Clerk does', () => {
    expect(organizationSyncQueryParams({ type: 'organization', organizationId: 'org_1' })).toEqual([['organization_id', 'org_1']]);
    expect(organizationSyncQueryParams({ type: 'organization', organizationSlug: 'acme' })).toEqual([['organization_id', 'acme']]);
    expect(organizationSyncQueryParams({ type: 'personalAccount' })).toEqual([['organization_id', '']]);
  });

  it('asks for activation only when the active organization differs', () => {
    const byId: OrganizationSyncTarget = { type: 'organization', organizationId: 'org_1' };
    const bySlug: OrganizationSyncTarget = { type: 'organization', organizationSlug: 'acme' };
    expect(needsOrganizationActivation(null, { orgId: 'org_1' })).toBe(false);
    expect(needsOrganizationActivation(byId, { orgId: 'org_1' })).toBe(false);
    expect(needsOrganizationActivation(byId, { orgId: 'org_2' })).toBe(true);
    expect(needsOrganizationActivation(byId, {})).toBe(true);
    expect(needsOrganizationActivation(bySlug, { orgId: 'org_1', orgSlug: 'acme' })).toBe(false);
    expect(needsOrganizationActivation(bySlug, { orgId: 'org_1', orgSlug: 'other' })).toBe(true);
    expect(needsOrganizationActivation({ type: 'personalAccount' }, { orgId: 'org_1' })).toBe(true);
    expect(needsOrganizationActivation({ type: 'personalAccount' }, {})).toBe(false);
  });
});

/** A small deterministic PRNG so the differential run is reproducible. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T;
}

describe('organization sync: differential against Clerk’s path-to-regexp', () => {
  const LITERALS = ['orgs', 'Orgs', 'a', 'file', 'x.y', 'teams-', 'org_', '.json'];
  const NAMES = ['id', 'slug', 'any'];
  const PIECES = ['orgs', 'ORGS', 'a', 'file', 'x.y', 'teams-', 'org_1', '.json', 'acme', 'a.b', '', 'x', 'org_1.json', 'fileorg'];

  function randomPattern(next: () => number): string {
    const used = new Set<string>();
    const segments: string[] = [];
    const count = 1 + Math.floor(next() * 4);
    for (let index = 0; index < count; index++) {
      const roll = next();
      const name = pick(next, NAMES);
      if (roll < 0.4 || used.has(name)) segments.push(pick(next, LITERALS));
      else {
        used.add(name);
        const prefix = next() < 0.3 ? pick(next, ['file.', 'org_', 'v']) : '';
        const suffix = next() < 0.3 ? pick(next, ['.json', '-x', '.']) : '';
        segments.push(`${prefix}:${name}${suffix}`);
      }
    }
    let pattern = `/${segments.join('/')}`;
    const tail = next();
    if (tail < 0.2) pattern += '/';
    else if (tail < 0.4) pattern += '/(.*)';
    return pattern;
  }

  function randomPath(next: () => number): string {
    const count = Math.floor(next() * 5);
    let path = '';
    for (let index = 0; index < count; index++) path += `/${pick(next, PIECES)}`;
    if (next() < 0.2) path += '/';
    return path === '' ? '/' : path;
  }

  // A path built from the pattern (random values, case and tails), so that many rounds reach a match.
  function pathFromPattern(next: () => number, pattern: string): string {
    const VALUES = ['org_1', 'acme', 'a.b', 'x', 'ORG', '', 'o.json', 'a-x'];
    let path = pattern.replace(/:[a-z]+/g, () => pick(next, VALUES)).replace('(.*)', () => pick(next, ['', 'x', 'x/y/']));
    if (next() < 0.3) path = path.toUpperCase();
    if (next() < 0.2) path += pick(next, ['/', '//', 'x', '/x']);
    return path;
  }

  it('agrees with path-to-regexp on 2500 random patterns and paths', () => {
    const next = random(24);
    let matched = 0;
    for (let round = 0; round < 2500; round++) {
      const pattern = randomPattern(next);
      const path = next() < 0.5 ? randomPath(next) : pathFromPattern(next, pattern);
      const clerk = match<Record<string, string>>([pattern])(path);
      const url = new URL(`http://localhost${path}`);
      // Dot segments (`/./`) are resolved by URL; Clerk matches the resolved pathname too.
      if (url.pathname !== path) continue;
      const ours = createOrganizationSyncMatcher({ personalAccountPatterns: [pattern] })(url);
      const context = `${pattern} against ${path}`;
      expect(ours === null ? false : ours.type, context).toBe(clerk === false ? false : 'personalAccount');
      if (clerk === false) continue;
      matched++;
      if (/:(id|slug)/.test(pattern)) {
        const target = createOrganizationSyncMatcher({ organizationPatterns: [pattern] })(url);
        const expected =
          clerk.params['id'] !== undefined
            ? { type: 'organization', organizationId: clerk.params['id'] }
            : { type: 'organization', organizationSlug: clerk.params['slug'] };
        expect(target, context).toEqual(expected);
      }
    }
    // The generator must produce matches too, or the agreement above says little.
    expect(matched).toBeGreaterThan(500);
  });
});
