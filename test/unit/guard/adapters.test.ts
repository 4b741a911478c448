// The three adapters carry the guard's decision over faithfully: the answer's status, headers and
// body on refusal, the claims to the handler otherwise, and the full path even when mounted.
import type { AddressInfo } from "node:net";
import express from "express";
import Fastify from "fastify";
import { expressGuard } from "../../../guard/adapters/express.js";
import { fastifyGuard } from "../../../guard/adapters/fastify.js";
import { withGuard } from "../../../guard/index.js";
import { b64url } from "../../support/tokens.js";
import { accessToken, bearer, realm } from "./fixture.js";

const level1 = bearer(accessToken({ acr: "urn:example:loa:1", sub: "user-1" }));

describe("express", () => {
  const app = express();
  const router = express.Router();
  // Mounted under /api: the rules name /api/orders, which only originalUrl still shows.
  router.use(expressGuard(realm().guard));
  router.get("/orders", (_req, res) => {
    res.json({ sub: res.locals.auth.claims.sub });
  });
  app.use("/api", router);
  let base = "";
  const server = app.listen(0, "127.0.0.1");
  beforeAll(() => new Promise<void>((resolve) => server.once("listening", () => resolve())).then(() => {
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("passes the claims to the handler", async () => {
    const res = await fetch(`${base}/api/orders`, { headers: { authorization: level1 } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ sub: "user-1" });
  });

  it("sends the refusal with its headers, under the mount point too", async () => {
    const res = await fetch(`${base}/api/orders`, { headers: { authorization: bearer(accessToken({ acr: "0" })) } });
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer error="insufficient_user_authentication"/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toMatchObject({ error: "mfa_required", required: { level: "loa1" } });
  });

  it("answers a token whose JOSE header is JSON null with 401 invalid_token, not a server error", async () => {
    const [, payload, signature] = accessToken().split(".");
    const res = await fetch(`${base}/api/orders`, { headers: { authorization: bearer(`${b64url("null")}.${payload}.${signature}`) } });
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer error="invalid_token"/);
    expect(await res.json()).toEqual({ error: "invalid_token", error_description: "the token header is not a JSON object" });
  });
});

// Over a real socket: fastify's inject() loads an ESM-only dependency that jest cannot require.
describe("fastify", () => {
  const app = Fastify();
  let base = "";
  beforeAll(async () => {
    await app.register(fastifyGuard(realm().guard));
    app.get("/api/orders", async (request) => ({ sub: request.auth?.claims?.sub }));
    base = await app.listen({ port: 0, host: "127.0.0.1" });
  });
  afterAll(() => app.close());

  it("passes the claims to the handler as request.auth", async () => {
    const res = await fetch(`${base}/api/orders?page=2`, { headers: { authorization: level1 } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ sub: "user-1" });
  });

  it("covers routes registered outside the plugin and sends the refusal", async () => {
    const res = await fetch(`${base}/api/orders`);
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toBe("Bearer");
    expect(await res.json()).toEqual({ error: "unauthorized", error_description: "a bearer token is required" });
  });
});

describe("fetch-style handlers", () => {
  const handler = withGuard(realm().guard, (_request, auth) => Response.json({ sub: auth.claims?.sub }));

  it("calls the handler with the claims", async () => {
    const res = await handler(new Request("https://api.example.test/api/orders", { headers: { authorization: level1 } }));
    expect(await res.json()).toEqual({ sub: "user-1" });
  });

  it("answers refusals itself", async () => {
    const res = await handler(new Request("https://api.example.test/api/orders", { headers: { authorization: "Bearer not.a.token" } }));
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer error="invalid_token"/);
    expect((await res.json()).error).toBe("invalid_token");
  });
});
