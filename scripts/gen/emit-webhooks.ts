// Emits the webhooks files of src/generated/: the event types (openapi-typescript), their shapes (the same
// printer as responses), their zod schemas (the same printer too), and an event table keyed by `type`.
// Each event of the spec's `x-webhooks` becomes one synthetic component schema (`UserCreatedEvent`): its
// request-body schema with `type` pinned to the event's literal, so the union is discriminated on `type`.
import { buildValidationModel } from './validation-model.js';
import { emitSchemas } from './emit-schemas.js';
import { emitShapes } from './emit-shapes.js';
import { emitTypes } from './emit-types.js';
import type { SchemaObject } from './schema-node.js';

/** The spec's schema of what every event has, whatever its type. */
const ENVELOPE = 'WebhookEventPayload';

export interface WebhookEventModel {
  /** The event type as sent, e.g. `user.created`. */
  type: string;
  /** The synthetic component schema and exported type name, e.g. `UserCreatedEvent`. */
  name: string;
  description: string;
  schema: SchemaObject;
}

/** `organizationMembership.created` → `OrganizationMembershipCreatedEvent`. */
export function eventTypeName(type: string): string {
  const words = type.split(/[^A-Za-z0-9]+/).filter((word) => word.length > 0);
  return `${words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('')}Event`;
}

function webhookOperations(document: Record<string, any>): Array<[string, Record<string, any>]> {
  // OpenAPI 3.1 has `webhooks`; Clerk's 3.0.3 spec uses the `x-webhooks` extension.
  const hooks: Record<string, any> = document['webhooks'] ?? document['x-webhooks'] ?? {};
  return Object.entries(hooks).flatMap(([type, item]) => (item?.post ? [[type, item.post] as [string, Record<string, any>]] : []));
}

/** Every event of the webhooks spec, in spec order. */
export function webhookEvents(document: Record<string, any>): WebhookEventModel[] {
  return webhookOperations(document).map(([type, operation]) => {
    const schema = operation.requestBody?.content?.['application/json']?.schema as SchemaObject | undefined;
    if (!schema) throw new Error(`webhook ${type} has no application/json request body schema`);
    return { type, name: eventTypeName(type), description: String(operation.description ?? type), schema };
  });
}

function resolveExample(document: Record<string, any>, example: any): unknown {
  const ref = example?.$ref;
  if (typeof ref !== 'string') return example?.value;
  const name = ref.split('/').pop()!;
  // Spec drift: these refs point at #/components/examples/X, but the 2025-04-15 spec files the
  // examples (with their `value`) under #/components/schemas/X.
  const target = document.components?.examples?.[name] ?? document.components?.schemas?.[name];
  if (target === undefined) throw new Error(`unresolvable example ${ref}`);
  return target.value;
}

/** The spec's example payloads of one event (`example`, and every `examples` entry, refs resolved). */
export function webhookExamples(document: Record<string, any>, type: string): unknown[] {
  const operation = webhookOperations(document).find(([t]) => t === type)?.[1];
  const media = operation?.requestBody?.content?.['application/json'] ?? {};
  const examples: unknown[] = media.example !== undefined ? [media.example] : [];
  for (const example of Object.values(media.examples ?? {})) examples.push(resolveExample(document, example));
  return examples;
}

/** The enum properties discriminated unions key on (`verification_otp.object`): they must stay literal. */
function discriminatorProperties(schemas: Record<string, SchemaObject>): Set<SchemaObject> {
  const keep = new Set<SchemaObject>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const schema = node as SchemaObject;
    const property = (schema['discriminator'] as { propertyName?: string } | undefined)?.propertyName;
    for (const member of property ? (schema.oneOf ?? schema.anyOf ?? []) : []) {
      const target = member.$ref ? schemas[member.$ref.split('/').pop()!]?.properties?.[property!] : undefined;
      if (target) keep.add(target);
    }
    Object.values(schema).forEach(visit);
  };
  visit(schemas);
  return keep;
}

/**
 * Marks every string enum open, except discriminators: Clerk adds statuses, strategies and object kinds
 * to events without a new spec version, and a receiver that refuses a delivery for an unknown enum
 * value loses the event.
 */
function openEnums(schemas: Record<string, SchemaObject>): void {
  const keep = discriminatorProperties(schemas);
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const schema = node as SchemaObject;
    const values = Array.isArray(schema.enum) ? schema.enum.filter((v) => v !== null) : [];
    if (!keep.has(schema) && values.length > 0 && values.every((v) => typeof v === 'string')) {
      schema['x-speakeasy-unknown-values'] = 'allow';
    }
    Object.values(schema).forEach(visit);
  };
  visit(schemas);
}

/** A copy of the webhooks spec with open enums and one `XxxEvent` component schema per event. */
export function eventDocument(document: Record<string, any>): { document: Record<string, any>; events: WebhookEventModel[] } {
  const copy = structuredClone(document);
  openEnums(copy.components?.schemas ?? {});
  const events = webhookEvents(copy);
  copy.components ??= {};
  copy.components.schemas ??= {};
  if (!(ENVELOPE in copy.components.schemas)) throw new Error(`the webhooks spec has no ${ENVELOPE} schema`);
  for (const event of events) {
    if (event.name in copy.components.schemas) throw new Error(`webhook ${event.type}: component ${event.name} already exists`);
    const pinned: SchemaObject = { type: 'object', properties: { type: { type: 'string', enum: [event.type] } }, required: ['type'] };
    copy.components.schemas[event.name] = { description: event.description, allOf: [event.schema, pinned] };
  }
  return { document: copy, events };
}

function eventTable(events: WebhookEventModel[], version: string): string {
  const lines = [
    "import type { Shape } from '../kernel/shape.js';",
    "import { schemaShapes } from './webhooks-shapes.js';",
    "import type { components } from './webhooks-types.js';",
    '',
    `/** The webhooks spec version the events were generated from. */`,
    `export const WEBHOOKS_SPEC_VERSION = ${JSON.stringify(version)};`,
    '',
    "type Schemas = components['schemas'];",
    '',
  ];
  for (const event of events) {
    lines.push(
      `/** \`${event.type}\`: ${event.description.replace(/\*\//g, '* /')}. */`,
      `export type ${event.name} = Schemas[${JSON.stringify(event.name)}];`,
    );
  }
  lines.push(
    '',
    '/** Every event type of the webhooks spec, discriminated on `type`. */',
    `export type KnownWebhookEvent =\n${events.map((event) => `  | ${event.name}`).join('\n')};`,
    '',
    '/** The event types of the webhooks spec. */',
    "export type KnownWebhookEventType = KnownWebhookEvent['type'];",
    '',
    '/** How one known event is validated: its shape, walked to decide and to explain. */',
    'export interface WebhookEventDef {',
    '  readonly shape: Shape;',
    '}',
    '',
    'function define(name: string): WebhookEventDef {',
    '  return { shape: schemaShapes[name]! };',
    '}',
    '',
    '/** The known events by `type`; a Map, so that `__proto__` or `constructor` are never found by accident. */',
    'export const webhookEventDefs: ReadonlyMap<string, WebhookEventDef> = new Map([',
    ...events.map((event) => `  [${JSON.stringify(event.type)}, define(${JSON.stringify(event.name)})],`),
    ']);',
    '',
    '/** How an event of a type the spec does not list is validated: its envelope only (`object`, `type`, `timestamp`…). */',
    `export const envelopeDef: WebhookEventDef = define(${JSON.stringify(ENVELOPE)});`,
    '',
    '/** The event types of the webhooks spec, in spec order. */',
    `export const knownWebhookEventTypes: readonly KnownWebhookEventType[] = [${events.map((event) => JSON.stringify(event.type)).join(', ')}];`,
    '',
  );
  return lines.join('\n');
}

/**
 * Renders the webhooks files (without banners): types, zod schemas, shapes and the event table; with each event's
 * type name and the id of its zod schema in webhooks-schemas.ts.
 */
export async function emitWebhooksWithEvents(
  document: Record<string, any>,
  version: string,
): Promise<{ files: Record<string, string>; events: Array<{ name: string; id: string }> }> {
  const { document: eventsDocument, events } = eventDocument(document);
  const model = buildValidationModel(eventsDocument, []);
  const schemas = emitSchemas(model);
  const files = {
    'webhooks-types.ts': await emitTypes(eventsDocument),
    'webhooks-schemas.ts': schemas.source,
    'webhooks-shapes.ts': emitShapes(model).source,
    'webhooks-events.ts': eventTable(events, version),
  };
  return { files, events: events.map((event) => ({ name: event.name, id: schemas.schemaIds.get(event.name)! })) };
}
