// The spec-level view: api-smart-diff compares the two documents ($refs resolved), and this module files each
// difference under its operation or schema and applies the SDK's breaking-change policy on top.
import { apiDiff, type Diff } from 'api-smart-diff';

/** Severity as api-smart-diff reports it, after the SDK policy below. */
export type SpecSeverity = 'breaking' | 'non-breaking' | 'deprecated' | 'annotation' | 'unclassified';

export type SpecChangeKind =
  | 'added_operation'
  | 'removed_operation'
  | 'removed_parameter'
  | 'newly_required_parameter'
  | 'removed_request_field'
  | 'newly_required_request_field'
  | 'removed_response_field'
  | 'narrowed_enum'
  | 'changed_type'
  | 'other';

export interface SpecChange {
  kind: SpecChangeKind;
  severity: SpecSeverity;
  /** `PATCH /users/{user_id}` for a change inside an operation. */
  operation?: string;
  /** Component schema name for a change inside `components.schemas`. */
  schema?: string;
  side?: 'parameter' | 'request' | 'response';
  /** The field inside the body, e.g. `subscription_items[].plan_id`, or the parameter name. */
  field?: string;
  action: Diff['action'];
  /** JSON pointer of the change in the newer (or, for removals, the older) document. */
  pointer: string;
  description: string;
}

/** Kinds that break SDK users whatever api-smart-diff says: the SDK's types stop accepting old code. */
const ALWAYS_BREAKING = new Set<SpecChangeKind>([
  'removed_operation',
  'removed_parameter',
  'newly_required_parameter',
  'removed_request_field',
  'newly_required_request_field',
  'removed_response_field',
]);

type Segment = string | number;

/** Where the schema of a change starts: after `requestBody/content/<type>/schema`, `responses/<s>/content/<type>/schema` or the component name. */
function locate(path: Segment[]): { side?: SpecChange['side']; rest: Segment[]; operation?: string; schema?: string } {
  if (path[0] === 'components' && path[1] === 'schemas' && path.length >= 3) return { schema: String(path[2]), rest: path.slice(3) };
  if (path[0] !== 'paths' || path.length < 3) return { rest: path.slice(1) };
  const operation = `${String(path[2]).toUpperCase()} ${String(path[1])}`;
  const inner = path.slice(3);
  if (inner[0] === 'parameters') return { operation, side: 'parameter', rest: inner.slice(1) };
  if (inner[0] === 'requestBody' && inner[1] === 'content' && inner[3] === 'schema')
    return { operation, side: 'request', rest: inner.slice(4) };
  if (inner[0] === 'responses' && inner[2] === 'content' && inner[4] === 'schema')
    return { operation, side: 'response', rest: inner.slice(5) };
  return { operation, rest: inner };
}

/** `properties/a/items/properties/b` → `a[].b`; composition keywords are transparent. */
function fieldName(rest: Segment[]): string {
  let name = '';
  for (let i = 0; i < rest.length; i++) {
    const segment = rest[i];
    if (segment === 'properties' && i + 1 < rest.length) name += `${name ? '.' : ''}${String(rest[++i])}`;
    else if (segment === 'items') name += '[]';
    else if (segment === 'allOf' || segment === 'anyOf' || segment === 'oneOf') i++;
    else break;
  }
  return name;
}

function kindOf(diff: Diff, where: ReturnType<typeof locate>): SpecChangeKind {
  const { rest, side } = where;
  if (where.operation && rest.length === 0)
    return diff.action === 'add' ? 'added_operation' : diff.action === 'remove' ? 'removed_operation' : 'other';
  const last = rest[rest.length - 1];
  const parent = rest[rest.length - 2];
  if (side === 'parameter') {
    if (rest.length === 1 && diff.action === 'remove') return 'removed_parameter';
    if (last === 'required' && diff.after === true) return 'newly_required_parameter';
  }
  if (parent === 'properties' && diff.action === 'remove')
    return side === 'request' ? 'removed_request_field' : side === 'response' ? 'removed_response_field' : 'other';
  if (parent === 'required' && diff.action === 'add' && side === 'request') return 'newly_required_request_field';
  if (parent === 'enum' && diff.action === 'remove' && side !== 'response') return 'narrowed_enum';
  if (last === 'type' && diff.action === 'replace') return 'changed_type';
  return 'other';
}

type Doc = Record<string, any>;

/** The name of the parameter a change sits in, read from the document the change points into. */
function parameterName(doc: Doc, path: Segment[]): string | undefined {
  let node: any = doc;
  for (const segment of path.slice(0, 5)) node = node?.[segment];
  if (typeof node?.$ref === 'string') node = doc['components']?.parameters?.[node.$ref.split('/').pop()];
  return typeof node?.name === 'string' ? `${node.name} (${String(node.in)})` : undefined;
}

/** api-smart-diff's verdict, except that a response field becoming required narrows the SDK's result type: no caller breaks. */
function policySeverity(diff: Diff, where: ReturnType<typeof locate>): SpecSeverity {
  const parent = where.rest[where.rest.length - 2];
  if (where.side === 'response' && parent === 'required' && diff.action === 'add') return 'non-breaking';
  return diff.type;
}

function toChange(diff: Diff, before: Doc, after: Doc): SpecChange {
  const path = diff.path as Segment[];
  const where = locate(path);
  const kind = kindOf(diff, where);
  const severity: SpecSeverity =
    ALWAYS_BREAKING.has(kind) || (kind === 'narrowed_enum' && where.side !== undefined) ? 'breaking' : policySeverity(diff, where);
  let field = where.side === 'parameter' ? undefined : fieldName(where.rest);
  if (kind === 'newly_required_request_field') field = [fieldName(where.rest.slice(0, -2)), String(diff.after)].filter(Boolean).join('.');
  if (where.side === 'parameter') field = parameterName(diff.action === 'remove' ? before : after, path);
  return {
    kind,
    severity,
    ...(where.operation ? { operation: where.operation } : {}),
    ...(where.schema ? { schema: where.schema } : {}),
    ...(where.side ? { side: where.side } : {}),
    ...(field ? { field } : {}),
    action: diff.action,
    pointer: `/${path.map((s) => String(s).replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`,
    // `[Added] property …` → `added property …`
    description: (diff.description ?? `${diff.action} ${path.join('.')}`).replace(
      /^\[(\w+)\] /,
      (_, verb: string) => `${verb.toLowerCase()} `,
    ),
  };
}

/**
 * Compares two (repaired) OpenAPI documents and classifies every difference for SDK users.
 *
 * @example
 * diffSpecs(before, after).filter((change) => change.severity === 'breaking');
 */
export function diffSpecs(before: Doc, after: Doc): SpecChange[] {
  // api-smart-diff writes merge metadata into the documents it is given: it gets copies.
  return apiDiff(structuredClone(before), structuredClone(after)).map((diff) => toChange(diff, before, after));
}
