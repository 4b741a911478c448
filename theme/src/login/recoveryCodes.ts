// Recovery codes as the user keeps them: shown in groups of four, numbered, and as a text file.

/** "ABCD1234EFGH" → "ABCD-1234-EFGH", the way Keycloak shows them. */
export const formatCode = (code: string) => code.match(/.{1,4}/g)?.join("-") ?? code;

/** What copy, download and print hand the user: a heading, the numbered codes, a note and the date. */
export function recoveryCodesText(codes: readonly string[], texts: { title: string; note: string; date: string }): string {
  const width = String(codes.length).length;
  const lines = codes.map((code, i) => `${String(i + 1).padStart(width, " ")}. ${formatCode(code)}`);
  return [texts.title, "", ...lines, "", texts.note, texts.date, ""].join("\n");
}
