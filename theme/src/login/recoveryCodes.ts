// Recovery codes as the user keeps them (shown in groups of four, numbered, and as a text file) and
// as the user types them back.

/** "ABCD1234EFGH" → "ABCD-1234-EFGH", the way Keycloak shows them. */
export const formatCode = (code: string) => code.match(/.{1,4}/g)?.join("-") ?? code;

/** What copy, download and print hand the user: a heading, the account, the numbered codes, a note and the date. */
export function recoveryCodesText(codes: readonly string[], texts: { title: string; account?: string; note: string; date: string }): string {
  const width = String(codes.length).length;
  const lines = codes.map((code, i) => `${String(i + 1).padStart(width, " ")}. ${formatCode(code)}`);
  return [texts.title, ...(texts.account ? [texts.account] : []), "", ...lines, "", texts.note, texts.date, ""].join("\n");
}

/**
 * Keycloak's recovery codes: 12 characters from this alphabet (RecoveryAuthnCodesUtils.UPPERNUM,
 * Keycloak 26.7), compared exactly after Keycloak removes dashes. It has no O and no 0, but both
 * I and 1, L and 1, S and 5, B and 8: only case and separators can be corrected without guessing.
 */
export const RECOVERY_CODE_ALPHABET = "ABCDEFGHIJKLMNPQRSTUVWXYZ123456789";
export const RECOVERY_CODE_LENGTH = 12;

export type RecoveryCodeInput = { ok: true; code: string } | { ok: false; problem: "empty" | "characters" | "length" };

/**
 * What is unambiguous in a typed recovery code, corrected: lower case, spaces and dashes (any
 * kind). Anything else is refused here, before it is posted and counted as a failed attempt.
 */
export function normaliseRecoveryCode(typed: string): RecoveryCodeInput {
  const code = typed.replace(/[\s\u00a0\u2000-\u200b\u2010-\u2015\u2212_-]+/g, "").toUpperCase();
  if (code === "") return { ok: false, problem: "empty" };
  if ([...code].some((c) => !RECOVERY_CODE_ALPHABET.includes(c))) return { ok: false, problem: "characters" };
  if (code.length !== RECOVERY_CODE_LENGTH) return { ok: false, problem: "length" };
  return { ok: true, code };
}
