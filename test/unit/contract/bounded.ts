// Finds the parts of a zod schema with no upper bound: a string without a maximum length (or a
// bounded pattern, enum or literal), an array without a maximum count, a record without bounded
// keys. Every contract argument comes from the page, so each must be bounded (docs/ARCHITECTURE.md).
import type { z } from 'zod';

interface Def {
  type: string;
  checks?: { _zod: { def: { check: string; pattern?: RegExp } } }[];
  [k: string]: unknown;
}

const defOf = (s: unknown) => (s as { _zod: { def: Def } })._zod.def;

/** An anchored pattern without *, + or {n,} matches strings of bounded length. */
function boundedPattern(p: RegExp): boolean {
  const src = p.source;
  return src.startsWith('^') && src.endsWith('$') && !/(?<!\\)[*+]|\{\d+,\}/.test(src);
}

function boundedString(def: Def): boolean {
  return (def.checks ?? []).some(
    ({ _zod: { def: c } }) =>
      c.check === 'max_length' || c.check === 'length_equals' || (c.pattern !== undefined && boundedPattern(c.pattern)),
  );
}

export function unboundedParts(schema: z.ZodType, path = '$'): string[] {
  const def = defOf(schema);
  const inner = (key: string, at = path) => unboundedParts(def[key] as z.ZodType, at);
  switch (def.type) {
    case 'string':
      return boundedString(def) ? [] : [`${path}: string without a maximum length`];
    case 'array': {
      const max = (def.checks ?? []).some(({ _zod: { def: c } }) => c.check === 'max_length');
      return [...(max ? [] : [`${path}: array without a maximum count`]), ...inner('element', `${path}[]`)];
    }
    case 'object':
      return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([k, v]) =>
        unboundedParts(v, `${path}.${k}`),
      );
    case 'record':
      return [...inner('keyType', `${path}{key}`), ...inner('valueType', `${path}{}`)];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return inner('innerType');
    case 'pipe':
      return inner('in');
    case 'union':
      return (def.options as z.ZodType[]).flatMap((o, i) => unboundedParts(o, `${path}|${i}`));
    case 'intersection':
      return [...inner('left'), ...inner('right')];
    case 'tuple':
      return (def.items as z.ZodType[]).flatMap((o, i) => unboundedParts(o, `${path}[${i}]`));
    case 'lazy':
      return unboundedParts((def.getter as () => z.ZodType)(), path);
    default:
      // number, boolean, enum, literal, null, undefined, date, transform: bounded by nature.
      return [];
  }
}
