// JSDoc for generated methods: the spec's summary and description, `@deprecated`, and a `@see` link to Clerk's reference.

/** What the spec says about one operation, for its JSDoc. */
export interface OperationDocs {
  summary: string | undefined;
  description: string | undefined;
  deprecated: boolean;
  /** Clerk's Backend API reference page of the operation. */
  see: string;
}

type Doc = Record<string, any>;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const REFERENCE = 'https://clerk.com/docs/reference/backend-api';

/** `Allow-list / Block-list` → `allow-list-block-list`: the tag segment of Clerk's reference URLs. */
export function tagSlug(tag: string): string {
  return tag
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * The reference page of an operation, e.g. `…/tag/users/get/users/%7Buser_id%7D`, the pattern clerk.com's
 * own SDK docs link to (tag slug, lowercase method, path with its braces percent-encoded).
 */
export function referenceUrl(tag: string | undefined, method: string, path: string): string {
  if (tag === undefined) return REFERENCE;
  return `${REFERENCE}/tag/${tagSlug(tag)}/${method.toLowerCase()}${encodeURI(path)}`;
}

/** Reads summary, description, deprecation and the reference link of every operation, by operationId. */
export function collectOperationDocs(doc: Doc): Map<string, OperationDocs> {
  const docs = new Map<string, OperationDocs>();
  for (const [path, pathItem] of Object.entries<any>(doc['paths'] ?? {})) {
    for (const verb of METHODS) {
      const op = pathItem?.[verb];
      if (typeof op?.operationId !== 'string') continue;
      docs.set(op.operationId, {
        summary: textOf(op.summary),
        description: textOf(op.description),
        deprecated: op.deprecated === true,
        see: referenceUrl(op.tags?.[0], verb, path),
      });
    }
  }
  return docs;
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The JSDoc block for an operation, one array entry per line, each prefixed by `indent`. */
export function operationJsDoc(docs: OperationDocs | undefined, indent: string): string[] {
  if (docs === undefined) return [];
  const body: string[] = [];
  if (docs.summary) body.push(...docs.summary.split('\n'));
  if (docs.description && docs.description !== docs.summary) {
    if (body.length > 0) body.push('');
    body.push(...docs.description.split('\n'));
  }
  if (body.length > 0) body.push('');
  if (docs.deprecated) body.push('@deprecated The Backend API marks this operation as deprecated.');
  body.push(`@see ${docs.see}`);
  return jsDocLines(body, indent);
}

/** Wraps text lines in a `/** … *\/` block; a `*\/` inside the text cannot end the comment early. */
export function jsDocLines(body: string[], indent: string): string[] {
  const safe = body.map((line) => line.replaceAll('*/', '*\\/').trimEnd());
  return [`${indent}/**`, ...safe.map((line) => (line === '' ? `${indent} *` : `${indent} * ${line}`)), `${indent} */`];
}
