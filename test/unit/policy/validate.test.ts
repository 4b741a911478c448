// The policy checker: the example is valid, and each malformed or contradictory policy is refused
// with the right file:line, field path and message, by `validate` and by `apply` before any server contact.
import { readFileSync } from "node:fs";
import { checkPolicy } from "../../../provisioning/policy/validate.js";
import { formatIssue, PolicyError } from "../../../provisioning/policy/issues.js";
import { run } from "../../../provisioning/cli/main.js";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const example = readFileSync(new URL("../../../policies/example.yaml", import.meta.url), "utf8");

/** Replaces exactly one occurrence, so a case cannot silently stop applying. */
function edit(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`edit target must occur once: ${from}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split("\n").length;

interface Case { name: string; text: string; at: string; path: string; message: RegExp }

const c = (name: string, from: string, to: string, at: string, path: string, message: RegExp): Case => {
  const text = edit(example, from, to);
  return { name, text, at, path, message };
};

const cases: Case[] = [
  c("YAML syntax error", "version: 1\n", "version: [1\n", "", "(syntax)", /flow sequence|Missing|Unexpected|Implicit/i),
  c("wrong version", "version: 1\n", "version: 2\n", "version: 2", "version", /expected 1/),
  c("unknown top-level field", "version: 1\n", "version: 1\nrelam: x\n", "relam: x", "relam", /unknown field "relam"/),
  c("unknown factor option (typo)", "digits: 6,", "digitz: 6,", "digitz", "factors.totp.digitz", /unknown field "digitz"/),
  c("bad duration", "maxAge: 1h", "maxAge: 1 hour", "maxAge: 1 hour", "levels[1].maxAge", /expected a duration/),
  c("negative duration", "maxAge: 15m", "maxAge: -5", "maxAge: -5", "levels[2].maxAge", /duration/),
  c("unknown factor name", "factors: [webauthn]\n", "factors: [sms]\n", "factors: [sms]", "levels[2].factors[0]", /expected one of/),
  c("TOTP digits out of range", "digits: 6,", "digits: 7,", "digits: 7", "factors.totp.digits", /expected one of 6, 8/),
  c("TOTP algorithm unknown", "algorithm: SHA1", "algorithm: MD5", "algorithm: MD5", "factors.totp.algorithm", /SHA1/),
  c("WebAuthn user verification unknown", "userVerification: preferred", "userVerification: sometimes", "userVerification: sometimes", "factors.webauthn.userVerification", /required/),
  c("level without acr", '    acr: ["urn:example:loa:3"]\n', "", "- name: loa3", "levels[2]", /missing required field "acr"/),
  c("tier number out of range", "  - tier: 3\n", "  - tier: 4\n", "tier: 4", "tiers[3].tier", /expected one of 0, 1, 2, 3/),
  c("level name invalid", "- name: loa3", "- name: LOA 3", "name: LOA 3", "levels[2].name", /expected text matching/),
  c("route without method", '"POST /api/auth/admin/clients"', '"/api/auth/admin/clients"', "/api/auth/admin/clients", "api.routes[1].route", /expected text matching/),
  c("duplicate acr value", '["urn:example:loa:3"]', '["urn:example:loa:2"]', 'acr: ["urn:example:loa:2"]\n', "levels[2].acr[0]", /already means level "loa2"/),
  c("duplicate level name", "- name: loa3", "- name: loa2", "- name: loa2\n    acr: [\"urn:example:loa:3", "levels[2].name", /defined twice/),
  c("level uses a disabled factor", "  passkey: { rpName: Example, userVerification: required, residentKey: required }\n", "", "factors: [password, passkey]", "levels[0].factors[1]", /"passkey" is not enabled/),
  c("first level without a primary factor", "factors: [password, passkey]", "factors: [totp]", "factors: [totp]", "levels[0].factors", /must include "password" or "passkey"/),
  c("recovery codes as a level's only factor", "factors: [webauthn]\n", "factors: [recovery-codes]\n", "factors: [recovery-codes]", "levels[2].factors", /fallback/),
  c("tier references an undefined level", "level: loa3\n    require", "level: loa9\n    require", "level: loa9", "tiers[0].level", /level "loa9" is not defined/),
  c("tier requires a disabled factor", "  recovery-codes: { warningThreshold: 4 }\n", "", "require: [webauthn, totp, recovery-codes]", "tiers[0].require[2]", /not enabled/),
  c("tier requires a factor it may not use", "require: [totp, recovery-codes]\n", "require: [totp, recovery-codes]\n    allow: [password, recovery-codes]\n", "require: [totp, recovery-codes]\n    allow", "tiers[1].require[0]", /not in this tier's allow list/),
  c("tier level unreachable with allowed factors", "level: loa2\n    require: [totp, recovery-codes]\n", "level: loa2\n    allow: [password]\n", "level: loa2\n    allow", "tiers[1].level", /none of which this tier may use/),
  c("duplicate tier number", "  - tier: 3\n", "  - tier: 2\n", "tier: 2\n    name: standard", "tiers[3].tier", /tier 2 is defined twice/),
  c("duplicate tier name", "    name: standard-users\n", "    name: project-owners\n", "name: project-owners\n    description: Everyone", "tiers[3].name", /tier name "project-owners" is used twice/),
  {
    name: "tier allows a disabled factor",
    text: edit(edit(example, "  passkey: { rpName", "  passkey: { enabled: false, rpName"), "    level: loa1\n\n", "    level: loa1\n    allow: [password, passkey]\n\n"),
    at: "allow: [password, passkey]", path: "tiers[3].allow[1]", message: /factor "passkey" is not enabled under factors/,
  },
  c("tier with both group and role", "group: tier-3-standard-users\n", "group: tier-3-standard-users\n    role: everyone\n", "- tier: 3", "tiers[3]", /exactly one of "group" or "role"/),
  c("client default below its minimum", "defaultLevel: loa2\n    minimumLevel: loa2", "defaultLevel: loa1\n    minimumLevel: loa2", "defaultLevel: loa1\n    minimumLevel: loa2", "clients[0].defaultLevel", /below the client's minimum/),
  c("client minimum above the ladder", "minimumLevel: loa2", "minimumLevel: loa4", "minimumLevel: loa4", "clients[0].minimumLevel", /level "loa4" is not defined/),
  c("duplicate client", "- clientId: self-service", "- clientId: admin-portal", "- clientId: admin-portal\n    defaultLevel: loa1", "clients[1].clientId", /listed twice/),
  c("brute-force max wait shorter than the increment", "maxWait: 15m", "maxWait: 10s", "maxWait: 10s", "protection.bruteForce.maxWait", /shorter than waitIncrement/),
  c("unknown event type", "types: [LOGIN, ", "types: [LOGINN, ", "types: [LOGINN", "audit.loginEvents.types[0]", /not a Keycloak event type/),
  c("route level undefined", "level: loa3\n      roles", "level: gold\n      roles", "level: gold", "api.routes[0].level", /level "gold" is not on the ladder/),
  c("duplicate route", '"POST /api/auth/admin/clients"', '"POST /api/identity/admin/users/{id}/mfa-reset"', '- route: "POST /api/identity/admin/users/{id}/mfa-reset"\n      level: loa2', "api.routes[1].route", /matches the same requests as route 0/),
  c("route with a space in its path", '"POST /api/auth/admin/clients"', '"POST /api/auth/{bad id}"', "POST /api/auth/{bad id}", "api.routes[1].route", /one space/),
  c("malformed route path segment", '"POST /api/auth/admin/clients"', '"POST /api/auth/{id-}"', "POST /api/auth/{id-}", "api.routes[1].route", /neither plain text.*\{param\}/),
  c("language list not a list", "languages: [en, de]", "languages: de", "languages: de", "languages", /expected a list/),
  c("language tag malformed", "languages: [en, de]", "languages: [en, German]", "German", "languages[1]", /expected a language tag such as en, de or pt-BR/),
  c("language listed twice", "languages: [en, de]", "languages: [en, de, en]", "en]", "languages[2]", /listed twice \(first at \[0\]\)/),
  ...identityProviderCases(),
];

/** Cases on an identityProviders section added before clients. */
function identityProviderCases(): Case[] {
  const section = (body: string) => `identityProviders:\n  corp:\n${body}clients:\n`;
  const idp = (name: string, body: string, at: string, path: string, message: RegExp): Case => c(name, "clients:\n", section(body), at, path, message);
  return [
    idp("provider trust unknown", "    trust: maybe\n", "trust: maybe", "identityProviders.corp.trust", /expected one of "accept", "enforce", "reject"/),
    idp("provider field misspelt", "    trust: accept\n    trsut: accept\n", "trsut", "identityProviders.corp.trsut", /unknown field "trsut"/),
    idp("provider maps an undefined level", "    trust: accept\n    levels:\n      gold: { amr: [otp] }\n", "gold:", "identityProviders.corp.levels.gold", /level "gold" is not defined/),
    idp("provider maps the first level", "    trust: accept\n    levels:\n      loa1: { amr: [pwd] }\n", "loa1: { amr", "identityProviders.corp.levels.loa1", /first level/),
    idp("reject with levels", "    trust: reject\n    levels:\n      loa2: { amr: [otp] }\n", "levels:\n      loa2", "identityProviders.corp.levels", /counts the provider for the first level only/),
    idp("accept without levels", "    trust: accept\n", "trust: accept", "identityProviders.corp.trust", /needs levels/),
    idp("level above the provider's maxLevel", "    trust: accept\n    maxLevel: loa2\n    levels:\n      loa3: { amr: [hwk] }\n", "loa3: { amr", "identityProviders.corp.levels.loa3", /above maxLevel "loa2"/),
    idp("one upstream acr for two levels", "    trust: enforce\n    levels:\n      loa2: { acr: [x] }\n      loa3: { acr: [x] }\n", "loa3: { acr", "identityProviders.corp.levels.loa3.acr[0]", /already reaches level "loa2"/),
    c("providers asking different acr values for one level", "clients:\n", "identityProviders:\n  corp:\n    trust: accept\n    levels: { loa2: { amr: [otp] } }\n    request: { loa2: a }\n  other:\n    trust: reject\n    request: { loa2: b }\nclients:\n", "request: { loa2: b }", "identityProviders.other.request.loa2", /providers must agree per level/),
    idp("request for the first level", "    trust: accept\n    levels: { loa2: { amr: [otp] } }\n    request: { loa1: x }\n", "request: { loa1", "identityProviders.corp.request.loa1", /ask for higher levels only/),
    idp("provider maxAge not a duration", "    trust: accept\n    maxAge: soon\n    levels:\n      loa2: { amr: [otp] }\n", "maxAge: soon", "identityProviders.corp.maxAge", /expected a duration/),
  ];
}

describe("policy validation", () => {
  it("accepts the example policy", () => {
    const r = checkPolicy("policies/example.yaml", example);
    expect(r.ok ? [] : r.issues.map(formatIssue)).toEqual([]);
  });

  it("throws PolicyError for callers that need a policy: every issue on its own line, file:line:column: path: message", () => {
    const r = checkPolicy("bad.yaml", edit(edit(example, "version: 1\n", "version: 2\n"), "digits: 6,", "digitz: 6,"));
    if (r.ok) throw new Error("expected issues");
    const error = new PolicyError(r.issues);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("PolicyError");
    expect(r.issues.map((i) => i.path)).toEqual(["version", "factors.totp.digitz"]);
    expect(error.message).toBe(r.issues.map(formatIssue).join("\n"));
  });

  it("has at least 25 refused cases", () => expect(cases.length).toBeGreaterThanOrEqual(25));

  it.each(cases)("refuses: $name", ({ text, at, path, message }) => {
    const r = checkPolicy("bad.yaml", text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const issue = r.issues.find((i) => i.path === path);
    expect({ path: issue?.path, all: r.issues.map(formatIssue) }).toMatchObject({ path });
    expect(issue!.message).toMatch(message);
    expect(issue!.file).toBe("bad.yaml");
    if (at) expect(issue!.line).toBe(lineOf(text, at));
  });
});

describe("CLI on invalid policies", () => {
  const dir = mkdtempSync(join(tmpdir(), "kca-policy-"));
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    // A closed port: had apply contacted a server, the error would be a connection failure instead.
    return { out, err, io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s), env: { KEYCLOAK_URL: "http://127.0.0.1:9", KEYCLOAK_ADMIN_PASSWORD: "x" } } };
  };

  it.each(cases.filter((k) => k.at))("validate and apply both report $name at its line, exit 1, no server contact", async ({ name, text, at, path }) => {
    const file = join(dir, `${name.replace(/\W+/g, "-")}.yaml`);
    writeFileSync(file, text);
    const where = `${file}:${lineOf(text, at)}:`;
    for (const cmd of ["validate", "apply"]) {
      const { err, io: streams } = io();
      expect(await run([cmd, file], streams)).toBe(1);
      const printed = err.join("");
      expect(printed).toContain(where);
      expect(printed).toContain(`${path}:`);
      expect(printed).not.toMatch(/ECONNREFUSED|fetch failed/);
    }
  });

  it("prints valid for a good file and exits 0", async () => {
    const { out, io: streams } = io();
    expect(await run(["validate", "policies/example.yaml"], streams)).toBe(0);
    expect(out.join("")).toContain("policies/example.yaml: valid");
  });
});
