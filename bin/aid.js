#!/usr/bin/env node
// The `aid` command: runs src/cli/aid.ts through tsx, so no build step is needed.
"use strict";
require("tsx/cjs/api").register();
require("../src/cli/aid.ts");
