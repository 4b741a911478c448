// Express middleware: `app.use(expressGuard(guard))`. The decision lands in `res.locals.auth`.
import type { RequestHandler } from "express";
import type { Guard } from "../core/guard.js";

export function expressGuard(guard: Guard): RequestHandler {
  // Express 5 passes a rejected promise on to the error handlers.
  return async (req, res, next) => {
    // What the router goes on to route: `url` as it stands now (after any middleware that rewrote
    // it), behind `baseUrl`, the part mount points have taken off (rules name full paths). A target
    // that did not come in as a plain path is refused as it came.
    const target = req.originalUrl.startsWith("/") ? req.baseUrl + req.url : req.originalUrl;
    const result = await guard.authorize({ method: req.method, target, authorization: req.headers.authorization });
    if (!result.ok) {
      res.status(result.answer.status).set(result.answer.headers).json(result.answer.body);
      return;
    }
    res.locals.auth = result.auth;
    next();
  };
}
