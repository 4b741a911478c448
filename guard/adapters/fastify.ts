// Fastify plugin: `await app.register(fastifyGuard(guard))`. It checks every request in onRequest,
// before any body is read, and puts the decision in `request.auth`.
import type { FastifyInstance } from "fastify";
import type { Authorized, Guard } from "../core/guard.js";

declare module "fastify" {
  interface FastifyRequest {
    auth?: Authorized;
  }
}

export function fastifyGuard(guard: Guard): (app: FastifyInstance) => Promise<void> {
  const plugin = async (app: FastifyInstance) => {
    app.decorateRequest("auth", undefined);
    app.addHook("onRequest", async (request, reply) => {
      // request.url is what Fastify routed (after any rewriteUrl), exactly as received.
      const result = await guard.authorize({ method: request.method, target: request.url, authorization: request.headers.authorization });
      if (result.ok) {
        request.auth = result.auth;
        return;
      }
      return reply.code(result.answer.status).headers(result.answer.headers).send(result.answer.body);
    });
  };
  // What the fastify-plugin package does: the hook then covers the whole app, not only this plugin's scope.
  Object.assign(plugin, { [Symbol.for("skip-override")]: true });
  return plugin;
}
