import type { Command } from "commander";

export function register(program: Command): void {
  program
    .command("schema")
    .description("print the JSON Schema of the extraction contract")
    .action(async () => {
      const { extractionJsonSchema } = await import("../../contract/jsonSchema.js");
      process.stdout.write(JSON.stringify(extractionJsonSchema(), null, 2) + "\n");
    });
}
