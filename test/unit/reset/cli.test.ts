// The pure parts of `kc-assurance reset`: the authorization request it sends the browser to, and
// how requests read in a terminal.
import { authorizationUrl } from "../../../provisioning/reset/sign-in.js";
import { renderList, renderRequest } from "../../../provisioning/reset/render.js";
import type { ResetRequest } from "../../../provisioning/reset/api.js";
import { createHash } from "node:crypto";

describe("the operator's sign-in request", () => {
  it("asks the policy's client for a code with PKCE, the reset level's acr and a recent sign-in, back to the loopback port", () => {
    const url = new URL(authorizationUrl("https://id.example", "prod realm", { client: "kc-assurance-cli", acr: "urn:example:loa:3", maxAge: 600 }, "http://127.0.0.1:53123/callback", "st", "verifier-123"));
    expect(url.origin + url.pathname).toBe("https://id.example/realms/prod%20realm/protocol/openid-connect/auth");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: "kc-assurance-cli",
      response_type: "code",
      redirect_uri: "http://127.0.0.1:53123/callback",
      scope: "openid",
      state: "st",
      code_challenge: createHash("sha256").update("verifier-123").digest("base64url"),
      code_challenge_method: "S256",
      acr_values: "urn:example:loa:3",
      max_age: "600",
    });
  });
});

const request: ResetRequest = {
  id: "r-1",
  user: { id: "u", username: "tina" },
  requester: { id: "a", username: "alice" },
  reason: "lost her key",
  ticket: "INC-1",
  proofing: "video check 8",
  factors: ["webauthn", "totp"],
  status: "executed",
  createdAt: "2026-11-30T03:00:00Z",
  expiresAt: "2026-12-01T03:00:00Z",
  approvals: [{ by: { id: "b", username: "bob" }, at: "2026-11-30T03:05:00Z" }],
  needed: 1,
  closedAt: "2026-11-30T03:05:00Z",
  closedBy: { id: "b", username: "bob" },
  executed: { removed: ["webauthn", "otp"], sessionsEnded: 2, requiredActions: ["webauthn-register"], notified: "sent" },
};

describe("requests in a terminal", () => {
  it("shows who, what, why, the approvals and what was done", () => {
    expect(renderRequest(request)).toBe(
      [
        "reset r-1: executed",
        "  user:      tina",
        "  factors:   webauthn, totp",
        "  requested: by alice at 2026-11-30T03:00:00Z; expires 2026-12-01T03:00:00Z",
        "  reason:    lost her key",
        "  ticket:    INC-1; identity proofing: video check 8",
        "  approvals: bob (2026-11-30T03:05:00Z) (1 of 1)",
        "  closed: by bob at 2026-11-30T03:05:00Z",
        "  carried out: removed webauthn, otp; 2 session(s) ended; set-up asked: webauthn-register; e-mail: sent",
        "",
      ].join("\n"),
    );
  });

  it("lists one line per request, and says when there are none", () => {
    expect(renderList([request])).toBe("r-1  executed  tina                 by alice            1/1  INC-1\n");
    expect(renderList([])).toBe("no reset requests\n");
  });
});
