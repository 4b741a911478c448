// The pure middle of provisioning: policy to desired realm, and desired versus actual to a plan.
import { readFileSync } from "node:fs";
import { compileRealm, type DesiredRealm } from "../../../provisioning/compile/desired.js";
import { flowHash, flowLines, type FlowNode, type FlowTree } from "../../../provisioning/compile/flow-tree.js";
import { computePlan, lineDiff } from "../../../provisioning/plan/plan.js";
import { convergedRealm } from "./converged.js";
import { checkPolicy } from "../../../provisioning/policy/validate.js";

const text = readFileSync(new URL("../../../policies/example.yaml", import.meta.url), "utf8");
// Compiled for each test, not once at load: the mutant a mutation run switches on for a test must
// go through the compiler, which a fixture built at load time never does.
let desired: DesiredRealm;
beforeEach(() => {
  const r = checkPolicy("example.yaml", text);
  if (!r.ok) throw new Error("example invalid");
  desired = compileRealm(r.policy);
});

const converged = () => convergedRealm(desired);

/** The lines inside a subflow of the tree (trimmed, config included); throws when there is none. */
function subflowLines(tree: FlowTree, name: string): string[] {
  const all = flowLines(tree);
  const start = all.findIndex((l) => l.trim().startsWith(`${name} (subflow)`));
  if (start < 0) throw new Error(`no subflow ${name}`);
  const depth = all[start]!.search(/\S/);
  const end = all.findIndex((l, i) => i > start && l.search(/\S/) <= depth);
  return all.slice(start + 1, end < 0 ? undefined : end).map((l) => l.trim());
}

/** Lines without their config. */
const names = (lines: readonly string[]) => lines.map((l) => l.split(" {")[0]);

describe("compile", () => {
  it("maps acr values to ladder positions and clients to their levels' first acr", () => {
    expect(JSON.parse(desired.realm["attributes.acr.loa.map"] as string)).toEqual({
      "urn:example:loa:1": 1, "urn:example:loa:2": 2, "http://schemas.openid.net/pape/policies/2007/06/multi-factor": 2, "urn:example:loa:3": 3,
    });
    expect(desired.clients.find((c) => c.clientId === "admin-portal")!.attributes).toEqual({ "default.acr.values": "urn:example:loa:2##urn:example:loa:3", "minimum.acr.value": "urn:example:loa:2" });
  });

  it("raises the level for tiers above level 1, then runs the ascending ladder with each level once", () => {
    const lines = flowLines(desired.browserFlow).map((l) => l.trim());
    expect(lines.filter((l) => l.startsWith("kca-tier-level"))).toEqual([
      'kca-tier-level REQUIRED {"kca.tier.level":"3","kca.tier.role":"kca-tier-0"}',
      'kca-tier-level REQUIRED {"kca.tier.level":"2","kca.tier.role":"kca-tier-1"}',
    ]);
    const ladder = lines.filter((l) => /^loa\d \(subflow\)/.test(l));
    expect(ladder).toEqual(["loa1 (subflow) CONDITIONAL", "loa2 (subflow) CONDITIONAL", "loa3 (subflow) CONDITIONAL"]);
    // Keycloak fails on a flow with two conditions for one level.
    const levels = lines.filter((l) => l.startsWith("conditional-level-of-authentication")).map((l) => /"loa-condition-level":"(\d)"/.exec(l)![1]);
    expect(levels).toEqual(["1", "2", "3"]);
  });

  it("asks each tier's required factors once, at the highest level that has them", () => {
    const lines = flowLines(desired.browserFlow).map((l) => l.trim());
    const block = (name: string) => names(subflowLines(desired.browserFlow, name));
    // Set up when missing; once set up, recovery codes (listed by level 2) may stand in for it.
    const totpWithFallback = (t: number) => [
      "conditional-user-role REQUIRED",
      `loa2-tier-${t}-totp-setup (subflow) CONDITIONAL`, "kca-condition-user-credential REQUIRED", "auth-otp-form REQUIRED",
      `loa2-tier-${t}-totp (subflow) CONDITIONAL`, "kca-condition-user-credential REQUIRED", "auth-otp-form ALTERNATIVE", "auth-recovery-authn-code-form ALTERNATIVE",
    ];
    expect(block("loa2-tier-0")).toEqual(totpWithFallback(0));
    expect(block("loa3-tier-0")).toEqual(["conditional-user-role REQUIRED", "webauthn-authenticator REQUIRED"]);
    // Set up at level 2, the highest that lists them, though tier 0 reaches level 3.
    expect(block("loa2-tier-0-recovery-codes")).toEqual(["conditional-user-role REQUIRED", "kca-condition-user-credential REQUIRED", "auth-recovery-authn-code-form REQUIRED"]);
    expect(block("loa2-tier-1")).toEqual(totpWithFallback(1));
    // Tier 2 does not block on enrolment: TOTP is asked only once the user has it, on top of level 1.
    expect(block("loa1-tier-2-extra")).toEqual(["conditional-user-role REQUIRED", "conditional-user-configured REQUIRED", "auth-otp-form REQUIRED"]);
    // Everyone else picks any one factor of the level; tier 0 and 1 users skip that choice at level 2.
    expect(block("loa2-any").filter((l) => l?.startsWith("conditional-user-role"))).toHaveLength(2);
    expect(lines.some((l) => l.includes("tier-3"))).toBe(false);
  });

  it("offers a tier only the factors its allow list names, and denies it a level it has none of", () => {
    const restricted = checkPolicy("x.yaml", text
      .replace("    require: [totp, recovery-codes]\n", "    require: [totp, recovery-codes]\n    allow: [password, totp, recovery-codes]\n")
      .replace("    group: tier-3-standard-users\n", "    group: tier-3-standard-users\n    allow: [password, totp]\n"));
    if (!restricted.ok) throw new Error(restricted.issues.map((e) => e.message).join("; "));
    const tree = compileRealm(restricted.policy).browserFlow;
    const all = flowLines(tree);
    const block = (name: string) => subflowLines(tree, name);
    // Level 1 (password or passkey): tiers 1 and 3 may not use passkeys, so they get password alone.
    expect(block("loa1-any").filter((l) => l.startsWith("conditional-user-role"))).toEqual([
      'conditional-user-role REQUIRED {"condUserRole":"kca-tier-1","negate":"true"}',
      'conditional-user-role REQUIRED {"condUserRole":"kca-tier-3","negate":"true"}',
    ]);
    expect(names(block("loa1-tier-1-allowed"))).toEqual(["conditional-credential REQUIRED", "conditional-user-role REQUIRED", "auth-password-form REQUIRED"]);
    // Nor with the passkey offered on the first page: their passkey sign-in is refused there.
    for (const t of [1, 3]) {
      expect(block(`loa1-tier-${t}-first-page-passkey`)).toEqual([
        'conditional-credential REQUIRED {"credentials":"webauthn-passwordless","included":"true"}',
        `conditional-user-role REQUIRED {"condUserRole":"kca-tier-${t}","negate":"false"}`,
        'deny-access-authenticator REQUIRED {"denyErrorMessage":"kcaPasskeyNotAllowed"}',
      ]);
    }
    expect(block("loa1-first-page-passkey").filter((l) => l.startsWith("conditional-user-role"))).toEqual([
      'conditional-user-role REQUIRED {"condUserRole":"kca-tier-1","negate":"true"}',
      'conditional-user-role REQUIRED {"condUserRole":"kca-tier-3","negate":"true"}',
    ]);
    // Level 2 for tier 3: TOTP only (not WebAuthn, not recovery codes), enrolled when missing.
    expect(names(block("loa2-tier-3-allowed"))).toEqual(["conditional-user-role REQUIRED", "conditional-user-configured REQUIRED", "auth-otp-form REQUIRED"]);
    expect(names(block("loa2-tier-3-allowed-enrol"))).toEqual(["conditional-user-role REQUIRED", "conditional-sub-flow-executed REQUIRED", "auth-otp-form REQUIRED"]);
    // Level 3 asks for WebAuthn, which neither tier may use: their sign-in is refused with a reason.
    for (const t of [1, 3]) {
      expect(block(`loa3-tier-${t}-allowed`)).toEqual([
        `conditional-user-role REQUIRED {"condUserRole":"kca-tier-${t}","negate":"false"}`,
        'deny-access-authenticator REQUIRED {"denyErrorMessage":"kcaLevelNotAllowed"}',
      ]);
    }
    // Tier 1's own level still asks its required TOTP in place of the choice, as before.
    expect(all.some((l) => l.trim().startsWith("loa2-tier-1-allowed"))).toBe(false);
  });

  it("counts a passkey used on the first page as level 1's passkey, not as a password", () => {
    // Keycloak's password form passes a user who signed in with a passkey on the username page, so
    // level 1 checks that first and names the passkey in amr through allow-access.
    expect(desired.realm.webAuthnPolicyPasswordlessPasskeysEnabled).toBe(true);
    expect(subflowLines(desired.browserFlow, "loa1-first-page-passkey")).toEqual([
      'conditional-credential REQUIRED {"credentials":"webauthn-passwordless","included":"true"}',
      'allow-access-authenticator REQUIRED {"default.reference.maxAge":"36000","default.reference.value":"hwk"}',
    ]);
    // The usual choice only for users who did not; the password form keeps "pwd".
    expect(subflowLines(desired.browserFlow, "loa1-any")).toEqual([
      'conditional-credential REQUIRED {"credentials":"webauthn-passwordless","included":"false"}',
      'auth-password-form ALTERNATIVE {"default.reference.maxAge":"36000","default.reference.value":"pwd"}',
      'webauthn-authenticator-passwordless ALTERNATIVE {"default.reference.maxAge":"36000","default.reference.value":"hwk"}',
    ]);

    // Without passkeys at level 1 the realm offers none on the first page, and the first page asks
    // username and password together (level 1 is the password alone).
    const noPasskeys = checkPolicy("x.yaml", text.replace("factors: [password, passkey]", "factors: [password]"));
    if (!noPasskeys.ok) throw new Error(noPasskeys.issues.map((e) => e.message).join("; "));
    const plain = compileRealm(noPasskeys.policy);
    expect(plain.realm.webAuthnPolicyPasswordlessPasskeysEnabled).toBe(false);
    expect(flowLines(plain.browserFlow).some((l) => l.includes("conditional-credential") || l.includes("first-page"))).toBe(false);
    expect(names(subflowLines(plain.browserFlow, "loa1")).slice(0, 2)).toEqual(["conditional-level-of-authentication REQUIRED", "auth-username-password-form REQUIRED"]);
  });

  it("places every factor's forms so that deleting it asks for the highest level that lists it", () => {
    // Keycloak's LoAUtil.getCredentialTypesToLoAMap: depth-first, the level of the last level
    // condition seen (restored after each subflow) for the last form of each credential type.
    const credentialOf: Record<string, string> = {
      "auth-password-form": "password", "auth-otp-form": "otp", "webauthn-authenticator": "webauthn",
      "webauthn-authenticator-passwordless": "webauthn-passwordless", "auth-recovery-authn-code-form": "recovery-authn-codes",
    };
    const levels: Record<string, number> = {};
    const walk = (nodes: readonly FlowNode[], level: number) => {
      for (const n of nodes) {
        if (n.kind === "subflow") walk(n.children, level);
        else if (n.provider === "conditional-level-of-authentication") level = Number(n.config!["loa-condition-level"]);
        else if (credentialOf[n.provider]) levels[credentialOf[n.provider]!] = level;
      }
    };
    walk(desired.browserFlow.children, -1);
    expect(levels).toEqual({ password: 1, "webauthn-passwordless": 1, otp: 2, "recovery-authn-codes": 2, webauthn: 3 });
  });

  it("always sets loa-max-age (Keycloak falls back to 0 without it)", () => {
    const loa = flowLines(desired.browserFlow).filter((l) => l.includes("conditional-level-of-authentication"));
    expect(loa.length).toBeGreaterThan(0);
    expect(loa.every((l) => /"loa-max-age":"\d+"/.test(l))).toBe(true);
  });

  it("hashes the flow so any change of the tree gives a new alias", () => {
    const changed = checkPolicy("x.yaml", text.replace("maxAge: 15m", "maxAge: 20m"));
    if (!changed.ok) throw new Error("invalid");
    expect(flowHash(compileRealm(changed.policy).browserFlow)).not.toBe(flowHash(desired.browserFlow));
  });
});

describe("what the theme is told about the policy (realm attribute kcaThemePolicy)", () => {
  it("says per factor whether it is asked at every sign-in, and what recovery codes can and cannot replace", () => {
    expect(JSON.parse(desired.realm["attributes.kcaThemePolicy"] as string)).toEqual({
      v: 1,
      // Tiers 0-2 are asked TOTP at every sign-in once set up; tier 3 and users in no tier only on step-up.
      asked: { totp: "depends", webauthn: "depends", passkey: "every-sign-in" },
      // Per tier: tier 2 (level 1, TOTP required) is asked TOTP at every sign-in, a key only on step-up.
      tiers: [
        // mustHold: what a tier that blocks until enrolled sets up again once removed.
        { role: "kca-tier-0", asked: { totp: "every-sign-in", webauthn: "every-sign-in", passkey: "every-sign-in" }, mustHold: ["webauthn", "totp", "recovery-codes"] },
        { role: "kca-tier-1", asked: { totp: "every-sign-in", webauthn: "every-sign-in", passkey: "every-sign-in" }, mustHold: ["totp", "recovery-codes"] },
        { role: "kca-tier-2", asked: { totp: "every-sign-in", webauthn: "step-up", passkey: "every-sign-in" }, mustHold: [] },
        { role: "kca-tier-3", asked: { totp: "step-up", webauthn: "step-up", passkey: "every-sign-in" }, mustHold: [] },
      ],
      noTier: { totp: "step-up", webauthn: "step-up", passkey: "every-sign-in" },
      // Level 2 takes a code in place of TOTP or a key; level 3 (a key only) and level 1 do not.
      recoveryCodes: { replaces: ["totp", "webauthn"], notFor: ["password", "passkey", "webauthn"] },
    });
    const onlyStepUp = checkPolicy("x.yaml", text.replace(/ {2}- tier: 0[\s\S]*?(?= {2}- tier: 3)/, ""));
    if (!onlyStepUp.ok) throw new Error(onlyStepUp.issues.map((i) => i.message).join());
    expect(JSON.parse(compileRealm(onlyStepUp.policy).realm["attributes.kcaThemePolicy"] as string).asked).toEqual({ totp: "step-up", webauthn: "step-up", passkey: "every-sign-in" });
  });
});

describe("the realm's languages", () => {
  it("turns languages on with the listed locales, the first the default; a policy without them leaves the realm's alone", () => {
    expect(desired.realm).toMatchObject({ internationalizationEnabled: true, supportedLocales: ["de", "en"], defaultLocale: "en" });
    const german = checkPolicy("x.yaml", text.replace("languages: [en, de]", "languages: [de, pt-BR, en]"));
    if (!german.ok) throw new Error("invalid");
    expect(compileRealm(german.policy).realm).toMatchObject({ supportedLocales: ["de", "en", "pt-BR"], defaultLocale: "de" });
    const none = checkPolicy("x.yaml", text.replace("languages: [en, de]\n", ""));
    if (!none.ok) throw new Error("invalid");
    const fields = Object.keys(compileRealm(none.policy).realm);
    expect(fields).not.toContain("internationalizationEnabled");
    expect(fields).not.toContain("supportedLocales");
    expect(fields).not.toContain("defaultLocale");
  });

  it("plans a new default language as one field change", () => {
    const actual = { ...converged(), realm: { ...desired.realm, defaultLocale: "de" } };
    expect(computePlan(desired, actual).changes).toEqual([{ action: "update", kind: "realm", name: "example", details: ['defaultLocale: "de" -> "en"'] }]);
  });
});

describe("plan", () => {
  it("is empty for a converged realm", () => {
    expect(computePlan(desired, converged()).changes).toEqual([]);
  });

  it("shows field drift with old and new values", () => {
    const actual = { ...converged(), realm: { ...desired.realm, failureFactor: 9 } };
    expect(computePlan(desired, actual).changes).toEqual([{ action: "update", kind: "realm", name: "example", details: ["failureFactor: 9 -> 5"] }]);
  });

  it("shows a list field as what it gains and loses, naming at most eight of each", () => {
    const all = Array.from({ length: 60 }, (_, i) => `TYPE_${i}`);
    const types = desired.events.enabledEventTypes as string[];
    const plan = computePlan(desired, { ...converged(), events: { ...desired.events, enabledEventTypes: [...types.slice(1), ...all].sort() } });
    expect(plan.changes).toEqual([{ action: "update", kind: "events", name: "example", details: [
      `enabledEventTypes: + ${types[0]}; - TYPE_0, TYPE_1, TYPE_10, TYPE_11, TYPE_12, TYPE_13, TYPE_14, TYPE_15 (and 52 more)`,
    ] }]);
    const unset = computePlan(desired, { ...converged(), events: { ...desired.events, enabledEventTypes: undefined } });
    expect(unset.changes[0]!.details[0]).toBe(`enabledEventTypes: + ${types.slice(0, 8).join(", ")} (and ${types.length - 8} more)`);
  });

  it("reads mapper config in Keycloak's key order as unchanged, and names a changed or extra mapper", () => {
    const base = converged();
    const reordered = desired.claimsScope.mappers.map((m) => ({ ...m, config: Object.fromEntries(Object.entries(m.config as object).reverse()) }));
    expect(computePlan(desired, { ...base, claimsScope: { ...base.claimsScope!, mappers: reordered } }).changes).toEqual([]);

    const audience = desired.claimsScope.mappers.find((m) => m.name === "api audience")!;
    const changed = [...desired.claimsScope.mappers.filter((m) => m !== audience), { ...audience, config: { ...(audience.config as object), "included.custom.audience": "other" } }, { name: "stray", protocolMapper: "oidc-hardcoded-claim-mapper" }];
    expect(computePlan(desired, { ...base, claimsScope: { ...base.claimsScope!, mappers: changed } }).changes).toEqual([
      expect.objectContaining({ action: "update", kind: "client-scope", details: [expect.stringMatching(/^mapper api audience config: .*"other".* -> .*"example-api"/), "mapper stray: - oidc-hardcoded-claim-mapper"] }),
    ]);
  });

  it("replaces a drifted flow: create, rebind, delete the old one", () => {
    const base = converged();
    const [cookie, forms] = desired.browserFlow.children;
    const drifted = { ...base, ownedFlows: [{ ...base.ownedFlows[0]!, tree: { children: [forms!, cookie!] } }, base.ownedFlows[1]!] };
    expect(computePlan(desired, drifted).changes.map((c) => `${c.action} ${c.kind}`)).toEqual(["create flow", "update flow-binding", "delete flow"]);
  });

  it("always has the post-login flow for providers not in the policy, named where our Keycloak provider binds new providers to it", () => {
    const base = converged();
    const bare = { ...base, ownedFlows: base.ownedFlows.slice(0, 1), attributes: {} };
    expect(computePlan(desired, bare).changes.map((c) => `${c.action} ${c.kind} ${c.name} ${c.details[0]}`)).toEqual([
      `create flow kca-broker-${flowHash(desired.identityProviders.unlisted)} post-login flow of providers not in the policy`,
      "update flow-binding providers not in the policy kca.broker.unlistedFlow: (unset) -> the new flow",
    ]);
  });

  it("removes the client scope an earlier version created (kca-amr), default or not", () => {
    const plan = computePlan(desired, { ...converged(), retiredScopes: [{ id: "old", name: "kca-amr", isDefault: true }] });
    expect(plan.changes).toEqual([{ action: "delete", kind: "client-scope", name: "kca-amr", details: ["created by an earlier kc-assurance; kca-claims carries its claims now"] }]);
  });

  it("creates what is missing", () => {
    const base = converged();
    const plan = computePlan(desired, { ...base, roles: {}, claimsScope: undefined, ownedFlows: [], browserFlow: "browser" });
    const kinds = plan.changes.map((c) => `${c.action} ${c.kind}`);
    expect(kinds.filter((k) => k === "create role")).toHaveLength(desired.roles.length);
    expect(kinds).toEqual(expect.arrayContaining(["create client-scope", "create flow", "update flow-binding"]));
  });
});

describe("lineDiff", () => {
  it("shows a move as a removal and an addition", () => {
    expect(lineDiff(["a", "b", "c"], ["a", "c", "b"])).toEqual(["  a", "+ c", "  b", "- c"]);
  });
});
