#!/usr/bin/env node
// The CLI runs from the compiled output; `npm run build` (run by `npm start`) produces it.
import '../dist/cli/main.js';
