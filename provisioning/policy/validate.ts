// From YAML text to a checked Policy: the published JSON Schema first (shape), then the rules a
// schema cannot say (references between sections, contradictions). Pure: no file or server access.
import type { ErrorObject, ValidateFunction } from "ajv";
import { seconds } from "./duration.js";
import type { FieldPath, PolicyIssue } from "./issues.js";
import { checkGuardPolicy, type RouteRule } from "../../guard/core/policy.js";
import { FACTORS, type Factor, type IdentityProviderRule, type Level, type Policy, type Tier, type WebauthnPolicy } from "./model.js";
import { KNOWN_EVENT_TYPES } from "../keycloak/providers.js";
import { resetPolicy } from "./reset.js";
import generatedValidator from "./schema-validator.generated.js";
import { parseYaml, type YamlSource } from "./yaml-source.js";

// Ajv's compiled validator for the schema, generated ahead of time (scripts/policy/schema-validator.ts).
const validateShape = generatedValidator as ValidateFunction;

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- shape already checked by the schema

export type PolicyResult = { ok: true; policy: Policy } | { ok: false; issues: PolicyIssue[] };

export function checkPolicy(file: string, text: string): PolicyResult {
  const { source, issues } = parseYaml(file, text);
  if (!source) return { ok: false, issues };
  if (!validateShape(source.data)) {
    // Stryker disable next-line ArrayDeclaration: ajv sets errors whenever validation fails
    return { ok: false, issues: sortIssues(schemaIssues(source, validateShape.errors ?? [])) };
  }
  const found: PolicyIssue[] = [];
  const policy = normalize(source.data as Raw, (path, message) => found.push(source.issue(path, message)));
  return found.length ? { ok: false, issues: sortIssues(found) } : { ok: true, policy };
}

function sortIssues(issues: PolicyIssue[]): PolicyIssue[] {
  return issues.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** What a value of a schema definition looks like, for messages (ajv would quote the pattern). */
const DEFINITION_WORDS: Readonly<Record<string, string>> = {
  duration: `a duration such as 300, "90s", "15m", "10h" or "30d"`,
  language: "a language tag such as en, de or pt-BR",
  role: "a realm role name (letters, digits, dot, underscore, dash)",
};
const MIN_UNITS: Readonly<Record<string, string>> = { minItems: "item", minLength: "character", minProperties: "field" };
const TYPE_WORDS: Readonly<Record<string, string>> = {
  array: "a list", object: "a mapping of fields", string: "text", integer: "a whole number", number: "a number", boolean: "true or false",
};

function schemaIssues(source: YamlSource, errors: ErrorObject[]): PolicyIssue[] {
  // oneOf/allOf wrappers repeat what their branches say; keep the most specific message per place.
  const seen = new Set<string>();
  const out: PolicyIssue[] = [];
  for (const e of errors) {
    // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: today's schema has oneOf only in the duration definition (its words, deduplicated, below), allOf says nothing of its own, and no if
    if (e.keyword === "oneOf" || e.keyword === "allOf" || e.keyword === "if") continue;
    // propertyNames only says that a name failed; the error of its own schema says which and why.
    if (e.keyword === "propertyNames") continue;
    const path: (string | number)[] = e.instancePath.split("/").slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, "/").replace(/~0/g, "~")));
    if (e.propertyName !== undefined) path.push(e.propertyName);
    let message: string;
    const definition = Object.keys(DEFINITION_WORDS).find((d) => e.schemaPath.includes(`/definitions/${d}/`));
    if (definition) {
      message = `expected ${DEFINITION_WORDS[definition]}`;
    } else switch (e.keyword) {
      case "additionalProperties":
        path.push(String(e.params.additionalProperty));
        message = `unknown field "${e.params.additionalProperty}"`;
        break;
      case "required":
        message = `missing required field "${e.params.missingProperty}"`;
        break;
      case "enum":
        message = `expected one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
        break;
      case "const":
        message = `expected ${JSON.stringify(e.params.allowedValue)}`;
        break;
      case "pattern":
        message = `expected text matching ${e.params.pattern}`;
        break;
      case "type":
        message = `expected ${TYPE_WORDS[String(e.params.type)] ?? e.params.type}`;
        break;
      case "minimum":
        message = `expected ${e.params.limit} or more`;
        break;
      case "maximum":
        message = `expected ${e.params.limit} or less`;
        break;
      case "minItems":
      case "minLength":
      case "minProperties": {
        const limit = e.params.limit as number;
        // Stryker disable next-line StringLiteral: every minItems, minLength and minProperties in policies/schema.json is 1
        message = `expected at least ${limit} ${MIN_UNITS[e.keyword]}${limit === 1 ? "" : "s"}`;
        break;
      }
      case "uniqueItems": {
        // ajv names the two places in either order, depending on the items' type.
        const [first, again] = [e.params.i as number, e.params.j as number].sort((a, b) => a - b);
        path.push(again!);
        message = `listed twice (first at [${first}])`;
        break;
      }
      case "maxItems": {
        const limit = e.params.limit as number;
        message = `expected at most ${limit} item${limit === 1 ? "" : "s"}`;
        break;
      }
      default:
        // Stryker disable next-line all: policies/schema.json uses no keyword besides those above and those skipped; a fallback should the schema grow one
        message = `expected ${e.message ?? "a different value"}`.replace(/^expected must /, "expected ");
    }
    const key = `${path.join("/")}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(source.issue(path, message));
  }
  return out;
}

type Report = (path: FieldPath, message: string) => void;

function normalize(raw: Raw, report: Report): Policy {
  const factorsRaw: Raw = raw.factors ?? {};
  const enabledFactors: Factor[] = FACTORS.filter((f) => f === "password" || (factorsRaw[f] !== undefined && factorsRaw[f].enabled !== false));
  const enabled = new Set(enabledFactors);

  // Levels: unique names and acr values, factors that are enabled, a first level a user can start with.
  const levels: Level[] = [];
  const acrOwner = new Map<string, string>();
  (raw.levels as Raw[]).forEach((l, i) => {
    if (levels.some((o) => o.name === l.name)) report(["levels", i, "name"], `level "${l.name}" is defined twice`);
    (l.acr as string[]).forEach((acr, j) => {
      const owner = acrOwner.get(acr);
      if (owner) report(["levels", i, "acr", j], `acr "${acr}" already means level "${owner}"`);
      else acrOwner.set(acr, l.name);
    });
    (l.factors as Factor[]).forEach((f, j) => {
      if (!enabled.has(f)) report(["levels", i, "factors", j], `factor "${f}" is not enabled under factors`);
    });
    if (i === 0 && !(l.factors as Factor[]).some((f) => f === "password" || f === "passkey")) {
      report(["levels", i, "factors"], `the first level must include "password" or "passkey": it is where every sign-in starts`);
    }
    if (i > 0 && (l.factors as Factor[]).every((f) => f === "recovery-codes")) {
      report(["levels", i, "factors"], `recovery codes are a fallback and cannot be a level's only factor`);
    }
    levels.push({ name: l.name, rank: i + 1, acr: l.acr, factors: l.factors, maxAge: seconds(l.maxAge) });
  });
  const levelByName = (name: string, path: FieldPath): Level | undefined => {
    const level = levels.find((l) => l.name === name);
    if (!level) report(path, `level "${name}" is not defined under levels (defined: ${levels.map((l) => l.name).join(", ")})`);
    return level;
  };

  const tiers: Tier[] = [];
  (raw.tiers as Raw[]).forEach((t, i) => {
    if (tiers.some((o) => o.tier === t.tier)) report(["tiers", i, "tier"], `tier ${t.tier} is defined twice`);
    if (tiers.some((o) => o.name === t.name)) report(["tiers", i, "name"], `tier name "${t.name}" is used twice`);
    if ((t.group === undefined) === (t.role === undefined)) report(["tiers", i], `a tier needs exactly one of "group" or "role" to say who is in it`);
    const level = levelByName(t.level, ["tiers", i, "level"]);
    const require: Factor[] = t.require ?? [];
    const allow: Factor[] = t.allow ?? enabledFactors;
    require.forEach((f, j) => {
      if (!enabled.has(f)) report(["tiers", i, "require", j], `factor "${f}" is required but not enabled under factors`);
      else if (!allow.includes(f)) report(["tiers", i, "require", j], `factor "${f}" is required but not in this tier's allow list`);
    });
    (t.allow as Factor[] | undefined)?.forEach((f, j) => {
      if (!enabled.has(f)) report(["tiers", i, "allow", j], `factor "${f}" is not enabled under factors`);
    });
    if (level && level.rank > 1 && !level.factors.some((f) => allow.includes(f))) {
      report(["tiers", i, "level"], `level "${level.name}" needs one of ${level.factors.join(", ")}, none of which this tier may use`);
    }
    if (level) tiers.push({ tier: t.tier, name: t.name, group: t.group, role: t.role, level, require, allow, blockUntilEnrolled: t.blockUntilEnrolled ?? true });
  });

  const clients = ((raw.clients ?? []) as Raw[]).map((c, i) => {
    if ((raw.clients as Raw[]).findIndex((o) => o.clientId === c.clientId) !== i) report(["clients", i, "clientId"], `client "${c.clientId}" is listed twice`);
    const defaultLevel = c.defaultLevel === undefined ? undefined : levelByName(c.defaultLevel, ["clients", i, "defaultLevel"]);
    const minimumLevel = c.minimumLevel === undefined ? undefined : levelByName(c.minimumLevel, ["clients", i, "minimumLevel"]);
    if (defaultLevel && minimumLevel && defaultLevel.rank < minimumLevel.rank) {
      report(["clients", i, "defaultLevel"], `default level "${defaultLevel.name}" is below the client's minimum "${minimumLevel.name}"`);
    }
    return { clientId: c.clientId as string, defaultLevel, minimumLevel, redirectUris: c.redirectUris as string[] | undefined };
  });

  const identityProviders = Object.entries((raw.identityProviders ?? {}) as Record<string, Raw>).map(([alias, idp]) =>
    identityProvider(alias, idp, levels, levelByName, report));
  // Keycloak 26.7 holds one forwarded acr_values per sign-in, written before the user picks a provider.
  const asked = new Map<number, { alias: string; acrValues: string }>();
  for (const idp of identityProviders) {
    for (const r of idp.request) {
      const first = asked.get(r.level.rank);
      if (!first) asked.set(r.level.rank, { alias: idp.alias, acrValues: r.acrValues });
      else if (first.acrValues !== r.acrValues) {
        report(["identityProviders", idp.alias, "request", r.level.name], `asks "${r.acrValues}" for "${r.level.name}" where provider "${first.alias}" asks "${first.acrValues}": Keycloak sends one acr_values per sign-in, set before the user picks a provider, so providers must agree per level`);
      }
    }
  }

  const reset = resetPolicy(raw.reset, levels, clients, levelByName, report);

  const bf: Raw = raw.protection?.bruteForce ?? {};
  const bruteForce = {
    enabled: bf.enabled ?? true,
    maxFailures: bf.maxFailures ?? 5,
    waitIncrement: seconds(bf.waitIncrement ?? "1m"),
    maxWait: seconds(bf.maxWait ?? "15m"),
    failureReset: seconds(bf.failureReset ?? "12h"),
    permanentLockout: bf.permanentLockout ?? false,
    secondFactorMaxFailures: bf.secondFactorMaxFailures ?? 0,
  };
  if (bruteForce.maxWait < bruteForce.waitIncrement) {
    report(["protection", "bruteForce", "maxWait"], `maxWait (${bruteForce.maxWait}s) is shorter than waitIncrement (${bruteForce.waitIncrement}s)`);
  }

  const le: Raw = raw.audit?.loginEvents ?? {};
  const types: string[] = le.types ?? [];
  types.forEach((t, j) => {
    if (!KNOWN_EVENT_TYPES.includes(t)) report(["audit", "loginEvents", "types", j], `"${t}" is not a Keycloak event type`);
  });
  const ae: Raw = raw.audit?.adminEvents ?? {};

  // Route rules are the guard's: one checker serves `validate` and the guard's own start-up.
  let api: Policy["api"];
  if (raw.api) {
    const routes: RouteRule[] = (raw.api.routes as Raw[]).map((r, i) => {
      const words = (r.route as string).split(" ");
      if (words.length !== 2) report(["api", "routes", i, "route"], `expected "METHOD /path" with one space, e.g. "POST /api/users/{id}/mfa-reset"`);
      const [method, path] = words as [string, string];
      return {
        method, path,
        ...(r.level !== undefined ? { level: r.level } : {}),
        ...(r.roles ? { roles: r.roles } : {}),
        ...(r.scopes ? { scopes: r.scopes } : {}),
        ...(r.amr ? { amr: r.amr } : {}),
        ...(r.maxAge !== undefined ? { maxAge: seconds(r.maxAge) } : {}),
      };
    });
    api = { audience: raw.api.audience, levels: levels.map((l) => ({ name: l.name, acr: l.acr })), routes };
    for (const p of checkGuardPolicy(api)) {
      if (p.route === undefined) continue; // ladder problems are reported under levels already
      // Stryker disable next-line ConditionalExpression: the schema's route pattern admits only the guard's methods, so no objection names "method" (the "path" half is pinned by the duplicate route case)
      const field = p.field === "method" || p.field === "path" ? "route" : p.field;
      report(["api", "routes", p.route, field], p.message);
    }
  }

  return {
    realm: raw.realm,
    theme: raw.theme,
    ...(raw.languages ? { languages: raw.languages } : {}),
    levels,
    enabledFactors,
    totp: {
      algorithm: factorsRaw.totp?.algorithm ?? "SHA1",
      digits: factorsRaw.totp?.digits ?? 6,
      period: factorsRaw.totp?.period ?? 30,
      lookAhead: factorsRaw.totp?.lookAhead ?? 1,
      codeReuse: factorsRaw.totp?.codeReuse ?? false,
    },
    webauthn: webauthnPolicy(factorsRaw.webauthn, { userVerification: "preferred", residentKey: "discouraged" }),
    passkey: webauthnPolicy(factorsRaw.passkey, { userVerification: "required", residentKey: "required" }),
    recoveryCodes: { warningThreshold: factorsRaw["recovery-codes"]?.warningThreshold ?? 4 },
    tiers: [...tiers].sort((a, b) => a.tier - b.tier),
    clients,
    identityProviders,
    missingFactor: raw.stepUp?.missingFactor ?? "enroll",
    bruteForce,
    audit: {
      loginEvents: { enabled: le.enabled ?? true, expiration: seconds(le.expiration ?? "30d"), types },
      adminEvents: { enabled: ae.enabled ?? true, includeRepresentation: ae.includeRepresentation ?? false },
    },
    ...(api ? { api } : {}),
    ...(reset ? { reset } : {}),
  };
}

/**
 * One identity provider's trust. The first level is what every brokered sign-in reaches, so only
 * higher levels take upstream values; an upstream value means one level; "reject" takes none.
 */
function identityProvider(alias: string, raw: Raw, levels: readonly Level[], levelByName: (name: string, path: FieldPath) => Level | undefined, report: Report): IdentityProviderRule {
  const at = (...path: FieldPath) => ["identityProviders", alias, ...path];
  const trust = raw.trust as IdentityProviderRule["trust"];
  const maxLevel = raw.maxLevel === undefined ? levels.at(-1) : levelByName(raw.maxLevel, at("maxLevel"));
  const entries = Object.entries((raw.levels ?? {}) as Record<string, Raw>);
  if (trust === "reject" && entries.length) {
    report(at("levels"), `trust "reject" counts the provider for the first level only; remove levels, or trust "accept" or "enforce"`);
  }
  if (trust !== "reject" && entries.length === 0) {
    report(at("trust"), `trust "${trust}" needs levels: which upstream acr or amr values reach which of our levels`);
  }
  const meaning = new Map<string, string>();
  const mapped: IdentityProviderRule["levels"][number][] = [];
  for (const [name, values] of entries) {
    const level = levelByName(name, at("levels", name));
    if (!level) continue;
    if (level.rank === 1) report(at("levels", name), `"${name}" is the first level, which every sign-in through the provider reaches; map higher levels only`);
    if (maxLevel && level.rank > maxLevel.rank) report(at("levels", name), `"${name}" is above maxLevel "${maxLevel.name}"`);
    for (const kind of ["acr", "amr"] as const) {
      ((values[kind] ?? []) as string[]).forEach((v, j) => {
        const owner = meaning.get(`${kind} ${v}`);
        if (owner) report(at("levels", name, kind, j), `upstream ${kind} "${v}" already reaches level "${owner}"`);
        else meaning.set(`${kind} ${v}`, name);
      });
    }
    mapped.push({ level, acr: values.acr ?? [], amr: values.amr ?? [] });
  }
  mapped.sort((a, b) => a.level.rank - b.level.rank);
  const request: IdentityProviderRule["request"][number][] = [];
  for (const [name, acrValues] of Object.entries((raw.request ?? {}) as Record<string, string>)) {
    const level = levelByName(name, at("request", name));
    if (!level) continue;
    if (level.rank === 1) report(at("request", name), `"${name}" is the first level, which any sign-in through the provider reaches; ask for higher levels only`);
    request.push({ level, acrValues: acrValues.trim().split(/\s+/).join(" ") });
  }
  request.sort((a, b) => a.level.rank - b.level.rank);
  return { alias, trust, levels: trust === "reject" ? [] : mapped, maxAge: raw.maxAge === undefined ? 0 : seconds(raw.maxAge), request };
}

function webauthnPolicy(raw: Raw | undefined, defaults: Pick<WebauthnPolicy, "userVerification" | "residentKey">): WebauthnPolicy {
  return {
    rpName: raw?.rpName ?? "keycloak",
    rpId: raw?.rpId ?? "",
    userVerification: raw?.userVerification ?? defaults.userVerification,
    attestation: raw?.attestation ?? "none",
    residentKey: raw?.residentKey ?? defaults.residentKey,
    authenticatorAttachment: raw?.authenticatorAttachment ?? "any",
  };
}
