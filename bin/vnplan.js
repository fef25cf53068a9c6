#!/usr/bin/env node
// The compiled CLI; `npm install` (prepare) or `npm run build` produces dist/.
import "../dist/cli/main.js";
