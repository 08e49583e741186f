// The JSON Schema route a developer would take instead of the core: ajv (npm) with the committed schema of catalog
// format v1 (draft 2020-12) on a catalog file. Prints one JSON line of timings (ms) for `cargo xtask bench compare`.
// Usage: node tests/bench/ajv.mjs AJV_FOLDER SCHEMA.json CATALOG.json
// AJV_FOLDER is the npm folder ajv was installed into (target/bench/npm: the bench installs it from the registry).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";

const [folder, schemaPath, file] = process.argv.slice(2);
const require = createRequire(resolve(folder, "package.json"));
const Ajv2020 = require("ajv/dist/2020").default;

const t0 = performance.now();
const text = readFileSync(file, "utf8");
const t1 = performance.now();
const data = JSON.parse(text);
const t2 = performance.now();
// allErrors: check the whole document, as the core does (ajv stops at the first error otherwise).
const ajv = new Ajv2020({ allErrors: true });
// schemars writes `format: uint32` for the version and row numbers.
ajv.addFormat("uint32", { type: "number", validate: (x) => Number.isInteger(x) && x >= 0 && x <= 4294967295 });
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));
const t3 = performance.now();
const valid = validate(data);
const t4 = performance.now();
console.log(JSON.stringify({
  read_ms: t1 - t0,
  parse_ms: t2 - t1,
  compile_ms: t3 - t2,
  validate_ms: t4 - t3,
  valid,
  errors: validate.errors?.length ?? 0,
  entries: Array.isArray(data.entries) ? data.entries.length : 0,
}));
