// V6's search: the secrets this run made (TOTP keys, recovery codes, passwords) must appear in no
// event and no file of the evidence. Pure; a leak is named by where and what, never by its value.

export interface Secret {
  /** What it is, e.g. "the TOTP key of kca-verify-1a2b-t1". */
  readonly label: string;
  readonly value: string;
}

export interface Searched {
  /** Where the text came from, e.g. "login events". */
  readonly source: string;
  readonly text: string;
}

/** One line per secret found in a source. Also finds a TOTP key or code spelt in groups or lower case. */
export function leaks(secrets: readonly Secret[], searched: readonly Searched[]): string[] {
  const squash = (s: string) => s.replace(/[\s-]/g, "").toUpperCase();
  return searched.flatMap(({ source, text }) => {
    const plain = squash(text);
    return secrets.filter((s) => s.value.length >= 6 && (text.includes(s.value) || plain.includes(squash(s.value)))).map((s) => `${s.label} appears in ${source}`);
  });
}
