// Preloaded with `node --require`: writes the process's peak resident memory
// (KiB) to the file named by VNPLAN_PEAK_RSS_FILE when it exits.
const { writeFileSync } = require("node:fs");

const file = process.env.VNPLAN_PEAK_RSS_FILE;
if (file) process.on("exit", () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
