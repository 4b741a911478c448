import Fastify from "fastify";
import { createGuard } from "kc-assurance-guard";
import { fastifyGuard } from "kc-assurance-guard/fastify";
import { guardPolicyFrom } from "./policy-file.js";

const guard = createGuard({
  policy: guardPolicyFrom("policies/example.yaml"),
  issuer: "http://localhost:8080/realms/example",
  unmatched: "deny", // the policy names every route of this API: anything else is refused
});

const app = Fastify();
await app.register(fastifyGuard(guard)); // an onRequest hook for the whole app
app.post<{ Params: { id: string } }>("/api/identity/admin/users/:id/mfa-reset", async (request) => ({
  reset: request.params.id,
  by: request.auth?.claims?.sub,
}));
await app.listen({ port: 3000 });
