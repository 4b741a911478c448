// An API as a team that installed our packages writes it: Express with the guard in front, the
// route rules read from the policy file's `api` section. test/keycloak/packages.test.ts compiles it
// in a folder outside the repository against the packed packages (without DOM types, Fastify or
// its types: neither is needed by an Express API) and runs it:
//   node api.js <policy file> <issuer>      prints {"port":n} once it listens
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import express from "express";
import { createGuard, type Authorized } from "kc-assurance-guard";
import { expressGuard } from "kc-assurance-guard/express";
import { checkPolicy, PolicyError } from "kc-assurance/policy";

const [file, issuer] = process.argv.slice(2);
if (!file || !issuer) throw new Error("usage: node api.js <policy file> <issuer>");
const checked = checkPolicy(file, readFileSync(file, "utf8"));
if (!checked.ok) throw new PolicyError(checked.issues);
const { levels, api } = checked.policy;
if (!api) throw new Error(`${file} has no api section`);

const app = express();
app.use(expressGuard(createGuard({ policy: { levels, audience: api.audience, routes: api.routes }, issuer })));
app.all("/{*path}", (req, res) => {
  const auth = res.locals.auth as Authorized;
  res.json({ path: req.path, sub: auth.claims?.sub });
});
const server = app.listen(0, "127.0.0.1", () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});
