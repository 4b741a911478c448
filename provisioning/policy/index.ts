// The library side of the kc-assurance package (`kc-assurance/policy`): reading a policy file the way
// the CLI does, for programs that need its content, such as an API's guard taking its route rules
// from the `api` section.
export { checkPolicy, type PolicyResult } from "./validate.js";
export { formatIssue, PolicyError, type PolicyIssue } from "./issues.js";
export type { Policy } from "./model.js";
