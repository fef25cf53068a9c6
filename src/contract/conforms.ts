// Whether a value already is what the contract's parser would give back: every field valid,
// and every object plain, with its schema's keys alone and in the schema's order. Parsing such
// a value only copies it, so it can be returned as it is. The test is read from the zod
// schemas themselves; a construct it does not know is never accepted (the parser decides).
import type { z } from "zod";

export type Conforms = (value: unknown) => boolean;

const NEVER: Conforms = () => false;
const built = new WeakMap<object, Conforms>();

/** The test for `schema`, built once per schema object. */
export function conforms(schema: z.ZodType): Conforms {
  const hit = built.get(schema);
  if (hit) return hit;
  // Sections nest through a getter: the test refers to itself through this indirection.
  let test: Conforms = NEVER;
  const lazy: Conforms = (v) => test(v);
  built.set(schema, lazy);
  test = make(schema);
  built.set(schema, test);
  return test;
}

interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, z.ZodType>;
  catchall?: unknown;
  element?: z.ZodType;
  innerType?: z.ZodType;
  entries?: Record<string, unknown>;
  values?: unknown[];
}

interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  value?: number;
  inclusive?: boolean;
}

/**
 * The test of one schema as generated code: each object and array has its own function, so that
 * each reads one shape of object (a shared closure would see them all and slow down).
 */
function make(schema: z.ZodType): Conforms {
  const env: unknown[] = [];
  const type = defOf(schema).type;
  if (type !== "object" && type !== "array") {
    const body = expression(schema, "v", env);
    return body === null ? NEVER : (new Function("E", `return (v) => ${body};`)(env) as Conforms);
  }
  const body = type === "object" ? objectBody(defOf(schema), env) : arrayBody(defOf(schema), env);
  return body === null ? NEVER : (new Function("E", `return (v) => {\n${body}\n};`)(env) as Conforms);
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** Adds a value the generated code reads, and gives the expression that reads it. */
function bind(env: unknown[], value: unknown): string {
  env.push(value);
  return `E[${env.length - 1}]`;
}

function objectBody(def: Def, env: unknown[]): string | null {
  if ((def.checks ?? []).length || def.catchall !== undefined || !def.shape) return null;
  const shape = def.shape;
  const keys = Object.keys(shape);
  const lines = [
    `if (typeof v !== "object" || v === null) return false;`,
    `const p = Object.getPrototypeOf(v);`,
    `if (p !== Object.prototype && p !== null) return false;`,
    // Own keys in order, without building their list.
    `const K = ${bind(env, keys)};`,
    `let i = 0;`,
    `for (const k in v) if (i >= ${keys.length} || k !== K[i++]) return false;`,
    `if (i !== ${keys.length}) return false;`,
  ];
  keys.forEach((k, j) => {
    const e = expression(shape[k], `x${j}`, env);
    if (e === null) lines.push("return false;");
    else lines.push(`const x${j} = v[${JSON.stringify(k)}];`, `if (!(${e})) return false;`);
  });
  lines.push("return true;");
  return lines.join("\n");
}

function arrayBody(def: Def, env: unknown[]): string | null {
  if ((def.checks ?? []).length || !def.element) return null;
  const e = expression(def.element, "x", env);
  if (e === null) return null;
  return [`if (!Array.isArray(v)) return false;`, `for (let j = 0; j < v.length; j++) {`, `const x = v[j];`, `if (!(${e})) return false;`, `}`, `return true;`].join("\n");
}

/** A boolean expression testing the variable `x` against `schema`, or null when it cannot be told. */
function expression(schema: z.ZodType, x: string, env: unknown[]): string | null {
  const def = defOf(schema);
  const checks = (def.checks ?? []).map((c) => c._zod.def);
  switch (def.type) {
    case "object":
    case "array":
      return `${bind(env, conforms(schema))}(${x})`;
    case "nullable": {
      if (!def.innerType) return null;
      const inner = expression(def.innerType, x, env);
      return inner === null ? null : `(${x} === null || ${inner})`;
    }
    case "string": {
      const parts = [`typeof ${x} === "string"`];
      for (const c of checks) {
        if (c.check !== "string_format" || c.format !== "regex" || !c.pattern) return null;
        parts.push(`${bind(env, new RegExp(c.pattern.source, c.pattern.flags.replace(/[gy]/g, "")))}.test(${x})`);
      }
      return parts.join(" && ");
    }
    case "number": {
      const parts = [`typeof ${x} === "number"`, `Number.isFinite(${x})`];
      for (const c of checks) {
        const value = c.value;
        if (c.check === "number_format" && (c.format === "safeint" || c.format === "int")) parts.push(`Number.isSafeInteger(${x})`);
        else if (c.check === "greater_than" && typeof value === "number" && Number.isFinite(value)) parts.push(`${x} ${c.inclusive ? ">=" : ">"} ${value}`);
        else if (c.check === "less_than" && typeof value === "number" && Number.isFinite(value)) parts.push(`${x} ${c.inclusive ? "<=" : "<"} ${value}`);
        else return null;
      }
      return parts.join(" && ");
    }
    case "boolean":
      return checks.length ? null : `typeof ${x} === "boolean"`;
    case "enum":
      return checks.length || !def.entries ? null : `${bind(env, new Set(Object.values(def.entries)))}.has(${x})`;
    case "literal":
      return checks.length || !def.values ? null : `${bind(env, def.values)}.includes(${x})`;
    default:
      return null;
  }
}
