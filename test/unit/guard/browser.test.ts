// The single-page-app side: reading challenges (header or body), and the remember / sign in again /
// replay once cycle, run with injected fetch, storage, clock and location instead of a browser.
import { parseWwwAuthenticate, redirectTo, stepUpChallenge, stepUpClient, StepUpRedirect, withStepUpParams, type StepUpChallenge } from "../../../guard/browser/index.js";

const CHALLENGE = 'Bearer error="insufficient_user_authentication", error_description="this request needs level loa2", acr_values="urn:example:loa:2 urn:example:loa:3", max_age="300"';

describe("parseWwwAuthenticate", () => {
  it("reads several challenges, quoted and bare values, escapes and token68 credentials", () => {
    expect(parseWwwAuthenticate(`Basic abc==, DPoP algs="ES256 RS256", ${CHALLENGE}, Custom a=b, c="say \\"hi\\""`)).toEqual([
      { scheme: "basic", params: {} },
      { scheme: "dpop", params: { algs: "ES256 RS256" } },
      { scheme: "bearer", params: { error: "insufficient_user_authentication", error_description: "this request needs level loa2", acr_values: "urn:example:loa:2 urn:example:loa:3", max_age: "300" } },
      { scheme: "custom", params: { a: "b", c: 'say "hi"' } },
    ]);
  });

  it("reads a bare scheme and survives junk", () => {
    expect(parseWwwAuthenticate("Bearer")).toEqual([{ scheme: "bearer", params: {} }]);
    expect(parseWwwAuthenticate('Bearer error="unterminated')).toEqual([{ scheme: "bearer", params: { error: "" } }]);
    expect(parseWwwAuthenticate("")).toEqual([]);
  });
});

describe("stepUpChallenge", () => {
  it("reads RFC 9470's parameters from WWW-Authenticate", async () => {
    const res = new Response("{}", { status: 401, headers: { "www-authenticate": CHALLENGE } });
    expect(await stepUpChallenge(res)).toEqual({ acr_values: "urn:example:loa:2 urn:example:loa:3", max_age: 300, error_description: "this request needs level loa2" });
  });

  it("falls back on the JSON body when CORS hides the header, leaving the body readable", async () => {
    const res = Response.json({ error: "mfa_required", error_description: "fresher", required: { max_age: 60 } }, { status: 401 });
    expect(await stepUpChallenge(res)).toEqual({ max_age: 60, error_description: "fresher" });
    expect((await res.json()).error).toBe("mfa_required");
  });

  it("is undefined for anything but a step-up challenge", async () => {
    const answers = [
      new Response("ok", { status: 200 }),
      new Response("{}", { status: 401, headers: { "www-authenticate": 'Bearer error="invalid_token"' } }),
      Response.json({ error: "insufficient_scope" }, { status: 403 }),
      new Response("not json", { status: 401 }),
    ];
    for (const res of answers) expect(await stepUpChallenge(res)).toBeUndefined();
  });
});

it("withStepUpParams sets acr_values and max_age on an authorization URL, replacing earlier ones", () => {
  const url = withStepUpParams("https://sso.example.test/realms/acme/protocol/openid-connect/auth?client_id=spa&acr_values=old", { acr_values: "urn:example:loa:2", max_age: 0 });
  expect(url.searchParams.get("client_id")).toBe("spa");
  expect(url.searchParams.getAll("acr_values")).toEqual(["urn:example:loa:2"]);
  expect(url.searchParams.get("max_age")).toBe("0");
});

describe("stepUpClient", () => {
  function harness(answers: Response[]) {
    const store = new Map<string, string>();
    const sent: { url: string; init: RequestInit }[] = [];
    const signIns: StepUpChallenge[] = [];
    let token = "level-1-token";
    let now = 1_000_000;
    const client = stepUpClient({
      accessToken: () => token,
      signIn: (c) => {
        signIns.push(c);
      },
      storage: { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => void store.set(k, v), removeItem: (k) => void store.delete(k) },
      fetch: async (url, init) => {
        sent.push({ url: String(url), init: init ?? {} });
        return answers.shift() ?? new Response("no more answers", { status: 500 });
      },
      now: () => now,
    });
    return { client, store, sent, signIns, setToken: (t: string) => (token = t), advance: (ms: number) => (now += ms) };
  }
  const challenged = () => new Response("{}", { status: 401, headers: { "www-authenticate": CHALLENGE } });

  it("passes ordinary answers through, with the access token", async () => {
    const h = harness([new Response("ok")]);
    expect(await (await h.client.fetch("/api/orders")).text()).toBe("ok");
    expect(h.sent[0]!.init.headers).toEqual({ authorization: "Bearer level-1-token" });
  });

  it("on a challenge: remembers the call without its token, signs in again with the challenge, and throws StepUpRedirect", async () => {
    const h = harness([challenged()]);
    const call = h.client.fetch("/api/orders/7/refund", { method: "POST", headers: { "content-type": "application/json", Authorization: "Bearer stale" }, body: '{"amount":5}' });
    await expect(call).rejects.toBeInstanceOf(StepUpRedirect);
    expect(h.signIns).toEqual([{ acr_values: "urn:example:loa:2 urn:example:loa:3", max_age: 300, error_description: "this request needs level loa2" }]);
    expect(h.sent[0]!.init.headers).toEqual({ "content-type": "application/json", authorization: "Bearer level-1-token" });
    expect([...h.store.values()].join()).not.toContain("token");
  });

  it("after the sign-in, replays the remembered call once with the new token", async () => {
    const h = harness([challenged(), new Response("refunded")]);
    await expect(h.client.fetch("/api/orders/7/refund", { method: "POST", body: '{"amount":5}' })).rejects.toThrow(StepUpRedirect);
    h.setToken("level-2-token");
    const replay = await h.client.resume();
    expect(await replay?.text()).toBe("refunded");
    expect(h.sent[1]).toEqual({ url: "/api/orders/7/refund", init: { method: "POST", body: '{"amount":5}', headers: { authorization: "Bearer level-2-token" } } });
    expect(await h.client.resume()).toBeUndefined();
  });

  it("returns a replay that is challenged again as it is, without another sign-in, so nothing loops", async () => {
    const h = harness([challenged(), challenged()]);
    await expect(h.client.fetch("/api/orders/7/refund", { method: "POST" })).rejects.toThrow(StepUpRedirect);
    expect((await h.client.resume())?.status).toBe(401);
    expect(h.signIns).toHaveLength(1);
  });

  it("drops a remembered call older than its time to live instead of replaying it", async () => {
    const h = harness([challenged()]);
    await expect(h.client.fetch("/api/orders/7/refund", { method: "POST" })).rejects.toThrow(StepUpRedirect);
    h.advance(601_000);
    expect(await h.client.resume()).toBeUndefined();
    expect(h.sent).toHaveLength(1);
  });

  it("resumes nothing when nothing was remembered", async () => {
    expect(await harness([]).client.resume()).toBeUndefined();
  });
});

it("redirectTo sends the browser to the app's authorization URL with the challenge's parameters", async () => {
  const assigned: string[] = [];
  const signIn = redirectTo({ assign: (url) => void assigned.push(String(url)) }, async () => "https://sso.example.test/auth?client_id=spa&state=s1");
  await signIn({ acr_values: "urn:example:loa:2", max_age: 300 });
  expect(assigned).toEqual(["https://sso.example.test/auth?client_id=spa&state=s1&acr_values=urn%3Aexample%3Aloa%3A2&max_age=300"]);
});
