#!/usr/bin/env node
// Runs the Khronos glTF validator (npm package gltf-validator, installed by tools/test into build/npm)
// on one .glb/.gltf file. Prints a one-line summary and every error; exits 1 when there are errors,
// 2 when the validator or the file is missing.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const file = process.argv[2];
if (!file) {
  console.error('usage: validate-gltf.mjs FILE.glb');
  process.exit(2);
}
let validator;
try {
  const require = createRequire(resolve(here, '../build/npm/package.json'));
  validator = require('gltf-validator');
} catch (e) {
  console.error('validate-gltf: the gltf-validator npm package is not installed in build/npm (run tools/test)');
  process.exit(2);
}
let bytes;
try {
  bytes = new Uint8Array(readFileSync(file));
} catch (e) {
  console.error(`validate-gltf: ${file}: ${e.message}`);
  process.exit(2);
}
const report = await validator.validateBytes(bytes, { maxIssues: 1000 });
const { numErrors, numWarnings, numInfos } = report.issues;
console.log(`${file}: ${numErrors} errors, ${numWarnings} warnings, ${numInfos} infos`);
for (const m of report.issues.messages) {
  if (m.severity === 0) console.log(`  error ${m.code} at ${m.pointer ?? ''}: ${m.message}`);
}
process.exit(numErrors > 0 ? 1 : 0);
