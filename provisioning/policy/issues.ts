// A problem found in a policy file, placed at its file, line and column and its field path.

export interface PolicyIssue {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Field path such as tiers[1].level */
  readonly path: string;
  readonly message: string;
}

export type FieldPath = readonly (string | number)[];

export function formatPath(path: FieldPath): string {
  let out = "";
  for (const seg of path) out += typeof seg === "number" ? `[${seg}]` : out ? `.${seg}` : seg;
  return out || "(document)";
}

export function formatIssue(i: PolicyIssue): string {
  return `${i.file}:${i.line}:${i.column}: ${i.path}: ${i.message}`;
}

/** Thrown by callers that need a policy and got issues instead. */
export class PolicyError extends Error {
  constructor(readonly issues: readonly PolicyIssue[]) {
    super(issues.map(formatIssue).join("\n"));
    this.name = "PolicyError";
  }
}
