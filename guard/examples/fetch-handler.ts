import { createGuard, withGuard } from "kc-assurance-guard";
import { guardPolicyFrom } from "./policy-file.js";

const guard = createGuard({
  policy: guardPolicyFrom("policies/example.yaml"),
  issuer: "http://localhost:8080/realms/example",
  unmatched: "deny", // the policy names every route of this API: anything else is refused
});

// (Request) => Promise<Response>, for Deno.serve, Bun.serve, workers, Hono or Next.js route handlers.
export const handler = withGuard(guard, async (request, auth) => {
  const { pathname } = new URL(request.url);
  return Response.json({ path: pathname, by: auth.claims?.sub });
});
