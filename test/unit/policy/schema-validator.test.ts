// The policy schema's validator is generated ahead of time (scripts/policy/schema-validator.ts):
// it must be what Ajv makes of policies/schema.json today, or a schema change would go unenforced.
import { readFileSync } from "node:fs";
import { GENERATED, validatorSource } from "../../../scripts/policy/schema-validator.js";

describe("the generated schema validator", () => {
  it("matches policies/schema.json (else: npm run generate:validator)", () => {
    expect(readFileSync(GENERATED, "utf8") === validatorSource()).toBe(true);
  });
});
