// vnplan's command line. Each command lives in commands/<name>.ts.
import { Command } from "commander";
import { VnplanError } from "../errors.js";
import { register as registerExtract } from "./commands/extract.js";
import { register as registerSchema } from "./commands/schema.js";
import { register as registerImport } from "./commands/import.js";
import { register as registerQuery } from "./commands/query.js";

const program = new Command()
  .name("vnplan")
  .description("Turn Vietnamese administrative plans into structured, queryable data.")
  .version("0.1.0");

for (const register of [registerExtract, registerSchema, registerImport, registerQuery]) register(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  const line = err instanceof VnplanError ? err.toLine() : `vnplan: ${(err as Error).message ?? String(err)}`;
  process.stderr.write(line + "\n");
  process.exitCode = 2;
});
