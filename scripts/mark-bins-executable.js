#!/usr/bin/env node
// Marks the package's `bin` files executable after the build: tsc writes them 0644, and the engine (for the provider
// plugin) and a user running dist/ from a clone start them as programs. npm does the same on install.
'use strict';
const { chmodSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const { bin } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
for (const file of Object.values(bin)) chmodSync(join(root, file), 0o755);
