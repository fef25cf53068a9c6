// The contract's version on its own, so that code which only compares versions
// (the importing thread) does not load the schemas and zod.
export const SCHEMA_VERSION = "1" as const;
