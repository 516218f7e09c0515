import fc from 'fast-check';

/** Hostile strings: unicode edge cases, injection attempts, traversal, and values just past common limits. */
export const hostileStrings: string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800', // lone high surrogate
  'x\uDC00y', // lone low surrogate
  '\u202Egnp.exe', // right-to-left override
  'e\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308', // stacked combining marks
  '👨‍👩‍👧‍👦🇻🇳',
  'Nguyễn Văn Ánh', // NFC
  'Nguyễn Văn Ánh'.normalize('NFD'),
  '\uFEFF\u200B\u200D',
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '1; select pg_sleep(5)',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '/etc/passwd',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a log-injection probe, meant literally
  '${jndi:ldap://x}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'NaN',
  '-1',
  '0',
  '1e309',
  '9999999999999999999999',
  '2026-02-30',
  '2026-13-01',
  '0000-00-00T25:61:61Z',
  '00000000-0000-0000-0000-00000000000g',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'a'.repeat(201),
  'x'.repeat(5_000),
  'ư'.repeat(70_000),
];

const hostileNumbers: unknown[] = [
  0,
  -1,
  -0,
  1,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 1,
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_VALUE,
  1e308,
  0.5,
  1e-300,
];

/** Any wrong-typed or hostile JSON value. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...hostileStrings) },
  { weight: 2, arbitrary: fc.constantFrom(...hostileNumbers) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [null], { $ne: null }, { __proto__: 1 }),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
);

/** A string for a URL (path segment or query value): hostile, or an ordinary-looking value. */
export const hostileParam: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...hostileStrings.filter((s) => s.length < 1000)) },
  { weight: 1, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
);

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
}

/** A string at or beyond the schema's length limits, or of the wrong format. */
function boundaryString(schema: JsonSchema): fc.Arbitrary<unknown> {
  const choices: fc.Arbitrary<unknown>[] = [fc.constantFrom(...hostileStrings)];
  if (schema.maxLength !== undefined) {
    const max = schema.maxLength;
    choices.push(
      fc.constantFrom('a'.repeat(max), 'ạ'.repeat(max + 1), 'x'.repeat(Math.min(max * 3, 2_000_000))),
    );
  }
  if (schema.minLength !== undefined && schema.minLength > 0) {
    choices.push(fc.constant('a'.repeat(schema.minLength - 1)));
  }
  if (schema.format === 'uuid') choices.push(fc.uuid(), fc.constantFrom('not-a-uuid', '123'));
  if (schema.format === 'date' || schema.format === 'date-time') {
    choices.push(fc.constantFrom('2026-02-29', '1900-01-01', '9999-12-31', '2026-07-01T00:00:00+25:00'));
  }
  if (schema.enum) choices.push(fc.constantFrom(...schema.enum));
  return fc.oneof(...choices);
}

function boundaryNumber(schema: JsonSchema, integer: boolean): fc.Arbitrary<unknown> {
  const edges: unknown[] = [...hostileNumbers, '12', 'abc'];
  for (const bound of [schema.minimum, schema.maximum, schema.exclusiveMinimum, schema.exclusiveMaximum]) {
    if (bound !== undefined) edges.push(bound, bound - 1, bound + 1, bound + 0.5);
  }
  return fc.oneof(fc.constantFrom(...edges), integer ? fc.integer() : fc.double({ noNaN: true }));
}

/**
 * Values shaped by a JSON schema but pushed to and past its edges: each property is either a plausible value or a
 * hostile one, required fields go missing, unknown fields appear. Depth keeps recursive schemas finite.
 */
export function fromSchema(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return hostileValue;
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants?.length) return fc.oneof(...variants.map((v) => fromSchema(v, depth + 1)));
  if (schema.allOf?.length) return fromSchema(schema.allOf[0], depth + 1);
  if (schema.const !== undefined) return fc.oneof(fc.constant(schema.const), hostileValue);
  if (schema.enum) return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...schema.enum) }, hostileValue);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  let shaped: fc.Arbitrary<unknown>;
  switch (type) {
    case 'string':
      shaped = boundaryString(schema);
      break;
    case 'integer':
    case 'number':
      shaped = boundaryNumber(schema, type === 'integer');
      break;
    case 'boolean':
      shaped = fc.constantFrom<unknown>(true, false, 'true', 0);
      break;
    case 'array':
      shaped = fc.oneof(
        fc.array(fromSchema(schema.items, depth + 1), { maxLength: 3 }),
        fc.constant(Array.from({ length: Math.min((schema.maxItems ?? 500) + 1, 2_000) }, () => 'x')),
      );
      break;
    case 'object':
    case undefined: {
      const props = Object.entries(schema.properties ?? {});
      if (!props.length) return hostileValue;
      const required = new Set(schema.required ?? []);
      shaped = fc
        .tuple(
          ...props.map(([name, sub]) =>
            fc.option(fromSchema(sub, depth + 1), { freq: required.has(name) ? 12 : 3, nil: undefined }),
          ),
          fc.option(
            fc.tuple(fc.constantFrom('extra', '__proto__', 'constructor', 'id', 'ownerUnitId'), hostileValue),
            {
              freq: 4,
            },
          ),
        )
        .map((values) => {
          const out: Record<string, unknown> = {};
          props.forEach(([name], i) => {
            if (values[i] !== undefined) out[name] = values[i];
          });
          const extra = values[props.length] as [string, unknown] | null;
          if (extra) Object.defineProperty(out, extra[0], { value: extra[1], enumerable: true });
          return out;
        });
      break;
    }
    default:
      return hostileValue;
  }
  return fc.oneof({ weight: 5, arbitrary: shaped }, { weight: 1, arbitrary: hostileValue });
}

/** Letters only Vietnamese uses (with its diacritics): a user-facing message must contain some. */
export const vietnameseLetters = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;
