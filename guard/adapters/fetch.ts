// For handlers of the fetch API's Request and Response (Deno, Bun, workers, Hono, Next.js route
// handlers): `export default withGuard(guard, (request, auth) => Response.json(...))`.
import type { Authorized, Guard } from "../core/guard.js";

export function withGuard(
  guard: Guard,
  handler: (request: Request, auth: Authorized) => Response | Promise<Response>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    // The URL's path is already normalised (dot segments resolved, backslashes made slashes), and
    // it is what the handler sees too; the guard's other refusals still apply.
    const url = new URL(request.url);
    const result = await guard.authorize({
      method: request.method,
      target: url.pathname + url.search,
      authorization: request.headers.get("authorization") ?? undefined,
    });
    if (!result.ok) return Response.json(result.answer.body, { status: result.answer.status, headers: result.answer.headers });
    return handler(request, result.auth);
  };
}
