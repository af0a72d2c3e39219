// Validates a Teams app manifest against the official JSON schema named by its "$schema".
// The schema is read from the copy shipped in @microsoft/app-manifest; nothing is fetched.
// Usage: node validate-manifest.mjs <manifest.json>   exit 0 = valid, 1 = invalid or unreadable.
import { readFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const Ajv04 = require("ajv-draft-04");        // Ajv 8 for the draft-04 Teams schemas
const Ajv2020 = require("ajv/dist/2020");     // a few newer schemas use 2020-12
const addFormats = require("ajv-formats");

const here = dirname(fileURLToPath(import.meta.url));
const schemaRoot = join(here, "node_modules/@microsoft/app-manifest/build/json-schemas/teams");

function fail(message) {
  console.error(message);
  process.exit(1);
}

const file = process.argv[2];
if (!file) fail("usage: node validate-manifest.mjs <manifest.json>");

let manifest;
try {
  manifest = JSON.parse(readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
} catch (e) {
  fail(`${file}: not readable JSON: ${e.message}`);
}

const match = /\/teams\/(v[^/]+)\/MicrosoftTeams\.schema\.json$/.exec(manifest.$schema ?? "");
if (!match) fail(`${file}: "$schema" must be https://developer.microsoft.com/json-schemas/teams/v1.x/MicrosoftTeams.schema.json`);
const schemaPath = join(schemaRoot, match[1], "MicrosoftTeams.schema.json");
if (!existsSync(schemaPath)) fail(`${file}: no local schema for ${match[1]} (${schemaPath})`);

// Same workaround as @microsoft/app-manifest: some schemas carry the invalid regex escape "\a".
const schema = JSON.parse(readFileSync(schemaPath, "utf8").replace(/\\\\a/g, "\\\\x07"));
const AjvClass = String(schema.$schema).includes("2020-12") ? Ajv2020 : Ajv04;
const ajv = new AjvClass({ allErrors: true, strict: false });
addFormats(ajv, ["uri", "email", "regex"]);
const validate = ajv.compile(schema);

if (validate(manifest)) {
  console.log(`${file}: valid (schema ${match[1]})`);
  process.exit(0);
}
console.error(`${file}: ${validate.errors.length} error(s) against schema ${match[1]}`);
for (const e of validate.errors) {
  console.error(`  ${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
}
process.exit(1);
