import type { Command } from "commander";
import { extractionJsonSchema } from "../../contract/jsonSchema.js";

export function register(program: Command): void {
  program
    .command("schema")
    .description("print the JSON Schema of the extraction contract")
    .action(() => {
      process.stdout.write(JSON.stringify(extractionJsonSchema(), null, 2) + "\n");
    });
}
