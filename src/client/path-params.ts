import type { Result } from '../kernel/result.js';
import type { ApiError } from './api-error.js';

const PLACEHOLDER = /\{([^{}]+)\}/g;

/**
 * Fills a path template with positional values, URL-encoding each one and rejecting values that
 * could change the path or add a query (`''`, `.`, `..`, `/`, `?`, `#`) before any request is made.
 *
 * @example
 * buildPath('/users/{user_id}', ['user_id'], ['user_123']); // { data: '/users/user_123' }
 * buildPath('/users/{user_id}', ['user_id'], ['..']);       // { errors: [{ code: 'path_param_invalid', … }] }
 */
export function buildPath(template: string, names: readonly string[], values: readonly unknown[]): Result<string, ApiError> {
  const encoded: Record<string, string> = {};
  for (const [index, name] of names.entries()) {
    const value = values[index];
    const checked = encodePathParam(name, value);
    if (checked.errors) return checked;
    encoded[name] = checked.data;
  }
  return { data: template.replace(PLACEHOLDER, (_match, name: string) => encoded[name] ?? '') };
}

function encodePathParam(name: string, value: unknown): Result<string, ApiError> {
  // Numbers are tolerated for JavaScript callers; anything else is a programming error.
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  if (typeof text !== 'string') return invalid(name, `must be a string, got ${value === null ? 'null' : typeof value}`);
  if (text === '' || text === '.' || text === '..') return invalid(name, 'must not be empty, "." or ".."');
  // Encoding alone would neutralise these, but an id containing them is never legitimate and
  // rejecting them makes path confusion impossible whatever a proxy decodes.
  if (/[/?#\\]/.test(text)) return invalid(name, 'must not contain "/", "\\", "?" or "#"');
  try {
    return { data: encodeURIComponent(text) };
  } catch {
    // encodeURIComponent throws URIError on lone surrogates.
    return invalid(name, 'is not well-formed Unicode');
  }
}

function invalid(name: string, reason: string): Result<string, ApiError> {
  return { errors: [{ code: 'path_param_invalid', message: `Path parameter ${name} ${reason}.`, meta: { param: name } }] };
}
