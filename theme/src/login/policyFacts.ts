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
//     "recoveryCodes": { "replaces": ["totp", "webauthn"], "notFor": ["webauthn"] }
//   }
// asked[f]: once a user has set f up, when it is asked: at every sign-in (every tier that sets it
//   up is asked it at every sign-in), only when an application asks for a level that needs it
//   (no tier asks it at every sign-in), or depending on the tier ("depends").
// recoveryCodes.replaces: factors a recovery code stands in for at some level that asks them.
// recoveryCodes.notFor: factors asked at some level that does not accept recovery codes.
import type { KcContext } from "./KcContext";

export const POLICY_FACTORS = ["password", "totp", "webauthn", "passkey", "recovery-codes"] as const;
export type PolicyFactor = (typeof POLICY_FACTORS)[number];
export type Asked = "every-sign-in" | "step-up" | "depends";
export type EnrolledFactor = "totp" | "webauthn" | "passkey";

export interface ThemePolicy {
  readonly asked: Partial<Record<EnrolledFactor, Asked>>;
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
  const { asked, recoveryCodes } = data as { asked?: unknown; recoveryCodes?: unknown };
  const facts: { asked: Partial<Record<EnrolledFactor, Asked>>; recoveryCodes?: ThemePolicy["recoveryCodes"] } = { asked: {} };
  if (typeof asked === "object" && asked !== null) {
    for (const f of ["totp", "webauthn", "passkey"] as const) {
      const value = (asked as Record<string, unknown>)[f];
      if (typeof value === "string" && ASKED.includes(value)) facts.asked[f] = value as Asked;
    }
  }
  if (typeof recoveryCodes === "object" && recoveryCodes !== null) {
    const { replaces, notFor } = recoveryCodes as { replaces?: unknown; notFor?: unknown };
    facts.recoveryCodes = { replaces: factors(replaces), notFor: factors(notFor) };
  }
  return facts;
}

export function themePolicy(kcContext: KcContext): ThemePolicy | undefined {
  return parseThemePolicy((kcContext as { kcaThemePolicy?: unknown }).kcaThemePolicy);
}
