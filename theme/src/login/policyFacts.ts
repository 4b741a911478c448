// What the realm's policy says, as `kc-assurance apply` hands it to the theme: the realm attribute
// `kcaThemePolicy` (JSON), read into `kcContext.kcaThemePolicy` by a line our build adds to every
// page template (see vite.config.ts). Keycloak's login pages carry nothing about the policy, and a
// page must not guess what a user will be asked or what a recovery code can do: without these
// facts the pages say only what holds under any policy.
//
// Version 1:
//   {
//     "v": 1,
//     "asked": { "totp": "every-sign-in" | "step-up" | "depends", "webauthn": …, "passkey": … },
//     "tiers": [{ "role": "kca-tier-0", "asked": { "totp": "every-sign-in", … }, "mustHold": ["totp", …] }, …],
//     "noTier": { "totp": "step-up", … },
//     "recoveryCodes": { "replaces": ["totp", "webauthn"], "notFor": ["webauthn"] }
//   }
// asked[f]: once a user has set f up, when it is asked: at every sign-in (every tier that sets it
//   up is asked it at every sign-in), only when an application asks for a level that needs it
//   (no tier asks it at every sign-in), or depending on the tier ("depends").
// tiers, noTier: the same per tier role and for users in no tier. Our Keycloak provider names the
//   tier roles the user holds (kcContext.kcaTiers), so a page can say what this user is asked.
// tiers[].mustHold: factors the tier must have set up (one removed is set up again at the next
//   sign-in, before any token); absent in facts written before it existed.
// recoveryCodes.replaces: factors a recovery code stands in for at some level that asks them.
// recoveryCodes.notFor: factors asked at some level that does not accept recovery codes.
import type { KcContext } from "./KcContext";

export const POLICY_FACTORS = ["password", "totp", "webauthn", "passkey", "recovery-codes"] as const;
export type PolicyFactor = (typeof POLICY_FACTORS)[number];
export type Asked = "every-sign-in" | "step-up" | "depends";
export type EnrolledFactor = "totp" | "webauthn" | "passkey";

type AskedMap = Partial<Record<EnrolledFactor, Asked>>;

export interface ThemePolicy {
  readonly asked: AskedMap;
  readonly tiers?: readonly { readonly role: string; readonly asked: AskedMap; readonly mustHold?: readonly PolicyFactor[] }[];
  readonly noTier?: AskedMap;
  readonly recoveryCodes?: { readonly replaces: readonly PolicyFactor[]; readonly notFor: readonly PolicyFactor[] };
}

const ASKED: readonly string[] = ["every-sign-in", "step-up", "depends"] satisfies Asked[];
const isFactor = (v: unknown): v is PolicyFactor => typeof v === "string" && (POLICY_FACTORS as readonly string[]).includes(v);
const factors = (v: unknown): PolicyFactor[] => (Array.isArray(v) ? v.filter(isFactor) : []);

/** The facts of a version this theme understands, or undefined (absent, unreadable, other version). */
export function parseThemePolicy(raw: unknown): ThemePolicy | undefined {
  if (typeof raw !== "string" || raw.trim() === "") return undefined;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof data !== "object" || data === null || (data as { v?: unknown }).v !== 1) return undefined;
  const { asked, tiers, noTier, recoveryCodes } = data as { asked?: unknown; tiers?: unknown; noTier?: unknown; recoveryCodes?: unknown };
  const facts: { -readonly [K in keyof ThemePolicy]: ThemePolicy[K] } = { asked: askedMap(asked) };
  if (Array.isArray(tiers) && typeof noTier === "object" && noTier !== null) {
    facts.tiers = tiers.flatMap((t: { role?: unknown; asked?: unknown; mustHold?: unknown } | null) =>
      t && typeof t.role === "string" ? [{ role: t.role, asked: askedMap(t.asked), ...(Array.isArray(t.mustHold) ? { mustHold: factors(t.mustHold) } : {}) }] : [],
    );
    facts.noTier = askedMap(noTier);
  }
  if (typeof recoveryCodes === "object" && recoveryCodes !== null) {
    const { replaces, notFor } = recoveryCodes as { replaces?: unknown; notFor?: unknown };
    facts.recoveryCodes = { replaces: factors(replaces), notFor: factors(notFor) };
  }
  return facts;
}

function askedMap(raw: unknown): AskedMap {
  const out: { [F in EnrolledFactor]?: Asked } = {};
  if (typeof raw !== "object" || raw === null) return out;
  for (const f of ["totp", "webauthn", "passkey"] as const) {
    const value = (raw as Record<string, unknown>)[f];
    if (typeof value === "string" && ASKED.includes(value)) out[f] = value as Asked;
  }
  return out;
}

export function themePolicy(kcContext: KcContext): ThemePolicy | undefined {
  return parseThemePolicy((kcContext as { kcaThemePolicy?: unknown }).kcaThemePolicy);
}

/**
 * When this user will be asked for a factor once set up: from their tiers where the page knows them
 * (asked by any of their tiers at every sign-in means at every sign-in), else over everyone.
 */
export function askedOf(facts: ThemePolicy | undefined, tiers: readonly string[] | undefined, factor: EnrolledFactor): Asked | undefined {
  if (!facts) return undefined;
  if (facts.tiers && facts.noTier && tiers) {
    const groups = tiers.length ? facts.tiers.filter((t) => tiers.includes(t.role)).map((t) => t.asked) : [facts.noTier];
    const values = groups.flatMap((g) => (g[factor] ? [g[factor]] : []));
    if (values.includes("every-sign-in")) return "every-sign-in";
    if (values.length && values.every((v) => v === "step-up")) return "step-up";
  }
  return facts.asked[factor];
}

/**
 * Whether this user's tiers must hold a factor: true or false where the page knows their tiers and
 * the facts say, undefined where it cannot know.
 */
export function mustHold(facts: ThemePolicy | undefined, tiers: readonly string[] | undefined, factor: PolicyFactor): boolean | undefined {
  if (!facts?.tiers || !tiers) return undefined;
  const mine = facts.tiers.filter((t) => tiers.includes(t.role));
  if (mine.some((t) => !t.mustHold)) return undefined;
  return mine.some((t) => t.mustHold!.includes(factor));
}
