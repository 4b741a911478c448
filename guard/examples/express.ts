import express from "express";
import { createGuard } from "kc-assurance-guard";
import { expressGuard } from "kc-assurance-guard/express";
import { guardPolicyFrom } from "./policy-file.js";

const guard = createGuard({
  policy: guardPolicyFrom("policies/example.yaml"),
  issuer: "http://localhost:8080/realms/example",
  unmatched: "deny", // the policy names every route of this API: anything else is refused
});

const app = express();
app.use(expressGuard(guard)); // every request; rules decide what each one needs
app.post("/api/identity/admin/users/:id/mfa-reset", (req, res) => {
  res.json({ reset: req.params.id, by: res.locals.auth.claims.sub });
});
app.listen(3000);
