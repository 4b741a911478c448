// The policy's `reset` section: who requests and approves an MFA reset, how many approvals each
// tier needs, and what an operator's sign-in must be to take part.
import { seconds } from "./duration.js";
import type { FieldPath } from "./issues.js";
import type { ClientRule, Level, ResetPolicy } from "./model.js";

/** Client kc-assurance reset signs operators in with, when the policy names none. */
export const DEFAULT_RESET_CLIENT = "kc-assurance-cli";
/** Approvals besides the requester when the policy says nothing: a second person, for everyone. */
const DEFAULT_APPROVALS = 1;

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- shape already checked by the schema

export function resetPolicy(
  raw: Raw | undefined,
  levels: readonly Level[],
  clients: readonly ClientRule[],
  levelByName: (name: string, path: FieldPath) => Level | undefined,
  report: (path: FieldPath, message: string) => void,
): ResetPolicy | undefined {
  if (raw === undefined) return undefined;
  const level = raw.level === undefined ? levels.at(-1) : levelByName(raw.level, ["reset", "level"]);
  const client: string = raw.client ?? DEFAULT_RESET_CLIENT;
  const clash = clients.findIndex((c) => c.clientId === client);
  if (clash >= 0) report(["reset", "client"], `client "${client}" is also listed under clients[${clash}]; kc-assurance reset needs a client of its own`);
  const approvals: Raw = raw.approvals ?? {};
  if (!level) return undefined;
  return {
    requesters: raw.requesters,
    approvers: raw.approvers,
    approvals: {
      tiers: Object.fromEntries([0, 1, 2, 3].map((t) => [t, approvals[String(t)] ?? DEFAULT_APPROVALS])),
      none: approvals.none ?? DEFAULT_APPROVALS,
    },
    level,
    maxAge: seconds(raw.maxAge ?? "10m"),
    identityProofing: (raw.identityProofing ?? "required") === "required",
    expiresAfter: seconds(raw.expiresAfter ?? "24h"),
    client,
  };
}
