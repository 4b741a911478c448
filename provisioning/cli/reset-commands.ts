// kc-assurance reset request|approve|cancel|list|show: the MFA reset workflow our Keycloak provider
// enforces. Each command signs the operator in through the browser at the level the realm's policy
// asks (provisioning/reset/sign-in.ts); `list` and `show` only need the operator's role.
import { spawn } from "node:child_process";
import type { Command } from "commander";
import { ResetApi, type ResetRequest } from "../reset/api.js";
import { renderList, renderRequest } from "../reset/render.js";
import { signIn } from "../reset/sign-in.js";
import { UsageError, type Io } from "./connection.js";

interface ResetOptions {
  url?: string;
  realm?: string;
  json?: boolean;
  browser: boolean;
}

/** Opens a URL in the desktop's browser; silently does nothing where there is none (the URL is printed anyway). */
function openBrowser(url: string): void {
  const [cmd, args] = process.platform === "darwin" ? ["open", [url]] : process.platform === "win32" ? ["cmd", ["/c", "start", "", url]] : ["xdg-open", [url]];
  try {
    spawn(cmd, args, { stdio: "ignore", detached: true }).on("error", () => {}).unref();
  } catch {
    // no browser here: the operator opens the printed URL elsewhere
  }
}

export function addResetCommands(program: Command, io: Io): void {
  const reset = program
    .command("reset")
    .description("MFA reset for a user who lost their factors: one operator requests, others approve (the realm's policy says who and how many)");

  const common = (cmd: Command) =>
    cmd
      .option("--url <url>", "Keycloak base URL (env KEYCLOAK_URL)")
      .option("--realm <name>", "the realm (env KEYCLOAK_REALM)")
      .option("--no-browser", "only print the sign-in URL, do not open a browser")
      .option("--json", "print the request as JSON on stdout");

  const context = async (opts: ResetOptions, signInNeeded: boolean): Promise<ResetApi> => {
    const url = (opts.url ?? io.env.KEYCLOAK_URL)?.replace(/\/+$/, "");
    if (!url) throw new UsageError("no server: pass --url or set KEYCLOAK_URL");
    const realm = opts.realm ?? io.env.KEYCLOAK_REALM;
    if (!realm) throw new UsageError("no realm: pass --realm or set KEYCLOAK_REALM");
    const api = new ResetApi(url, realm);
    const rules = await api.signInRules();
    const token = await signIn({
      url, realm, rules,
      announce: (u) => io.err(`Sign in as yourself${signInNeeded ? ` (level ${rules.acr}, within ${rules.maxAge} s)` : ""} in the browser:\n  ${u}\n`),
      ...(opts.browser ? { open: openBrowser } : {}),
    });
    return api.withToken(token);
  };

  const print = (opts: ResetOptions, r: ResetRequest) => io.out(opts.json ? `${JSON.stringify(r, null, 2)}\n` : renderRequest(r));

  common(reset.command("request"))
    .description("ask for a user's second factors to be reset; carried out once the approvals the policy asks for are given")
    .argument("<username>", "the user who lost their factors")
    .requiredOption("--reason <text>", "why (kept in the request and the audit events)")
    .requiredOption("--ticket <ref>", "the ticket or case reference")
    .option("--proofing <ref>", "identity-proofing evidence: a reference such as a check id, never the document itself")
    .option("--factors <list>", "comma-separated: totp, webauthn, passkey, recovery-codes (default: all the user has)", (v) => v.split(",").map((s) => s.trim()).filter(Boolean))
    .action(async (username: string, opts: ResetOptions & { reason: string; ticket: string; proofing?: string; factors?: string[] }) => {
      const api = await context(opts, true);
      const r = await api.request({ username, reason: opts.reason, ticket: opts.ticket, ...(opts.proofing ? { proofing: opts.proofing } : {}), ...(opts.factors ? { factors: opts.factors } : {}) });
      print(opts, r);
      if (!opts.json) io.err(`Another operator approves it with: kc-assurance reset approve ${r.id} --realm <realm>\n`);
    });

  common(reset.command("approve"))
    .description("approve a request (not your own); the approval that completes it carries the reset out")
    .argument("<id>", "request id")
    .action(async (id: string, opts: ResetOptions) => print(opts, await (await context(opts, true)).approve(id)));

  common(reset.command("cancel"))
    .description("cancel an open request")
    .argument("<id>", "request id")
    .action(async (id: string, opts: ResetOptions) => print(opts, await (await context(opts, true)).cancel(id)));

  common(reset.command("show"))
    .description("show one request")
    .argument("<id>", "request id")
    .action(async (id: string, opts: ResetOptions) => print(opts, await (await context(opts, false)).get(id)));

  common(reset.command("list"))
    .description("list the realm's requests, newest first")
    .action(async (opts: ResetOptions) => {
      const { requests } = await (await context(opts, false)).list();
      io.out(opts.json ? `${JSON.stringify({ requests }, null, 2)}\n` : renderList(requests));
    });
}
