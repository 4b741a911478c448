// Express middleware: `app.use(expressGuard(guard))`. The decision lands in `res.locals.auth`.
import type { RequestHandler } from "express";
import type { Guard } from "../core/guard.js";

export function expressGuard(guard: Guard): RequestHandler {
  // Express 5 passes a rejected promise on to the error handlers.
  return async (req, res, next) => {
    // originalUrl, not path: under app.use("/api", ...) `path` has lost the mount point the rules name.
    const result = await guard.authorize({ method: req.method, target: req.originalUrl, authorization: req.headers.authorization });
    if (!result.ok) {
      res.status(result.answer.status).set(result.answer.headers).json(result.answer.body);
      return;
    }
    res.locals.auth = result.auth;
    next();
  };
}
