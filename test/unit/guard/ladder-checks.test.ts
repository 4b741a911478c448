// The guard refuses to enforce a policy whose ladder or audience is unsound, naming each problem.
import { checkGuardPolicy, GuardPolicyError, type GuardPolicy } from "../../../guard/core/policy.js";

const policy = (over: Partial<GuardPolicy>): GuardPolicy => ({ levels: [{ name: "l1", acr: ["a1"] }], audience: "api", routes: [], ...over });

describe("the guard's policy checks", () => {
  it("accept a sound policy", () => {
    expect(checkGuardPolicy(policy({ routes: [{ method: "GET", path: "/a", level: "l1", maxAge: 1 }] }))).toEqual([]);
  });

  it("need a ladder of uniquely named levels, each with acr values of its own", () => {
    expect(checkGuardPolicy(policy({ levels: [] }))).toEqual([{ field: "levels", message: "the ladder needs at least one level" }]);
    expect(checkGuardPolicy(policy({ levels: [{ name: "l1", acr: ["a1"] }, { name: "l1", acr: [] }, { name: "l3", acr: ["a3", "a1"] }] }))).toEqual([
      { field: "levels[1].name", message: 'level "l1" is listed twice' },
      { field: "levels[1].acr", message: 'level "l1" has no acr value' },
      { field: "levels[2].acr", message: 'acr "a1" already belongs to level "l1"' },
    ]);
  });

  it("need an audience that is not blank", () => {
    expect(checkGuardPolicy(policy({ audience: "  " }))).toEqual([{ field: "audience", message: "an audience is needed: tokens for other APIs must not pass" }]);
  });

  it("refuse a maxAge that is not a whole number of seconds above 0", () => {
    const routes = [1.5, -1, 0].map((maxAge, i) => ({ method: "GET", path: `/r${i}`, maxAge }));
    expect(checkGuardPolicy(policy({ routes })).map((p) => [p.route, p.field, p.message])).toEqual([
      [0, "maxAge", "maxAge must be a whole number of seconds above 0, not 1.5"],
      [1, "maxAge", "maxAge must be a whole number of seconds above 0, not -1"],
      [2, "maxAge", "maxAge must be a whole number of seconds above 0, not 0"],
    ]);
  });

  it("are all named in the error a guard is refused with, route problems by their route", () => {
    const problems = checkGuardPolicy(policy({ audience: "", routes: [{ method: "FETCH", path: "/a" }] }));
    expect(new GuardPolicyError(problems).message).toBe(
      'the guard policy cannot be enforced:\n  audience: an audience is needed: tokens for other APIs must not pass\n  routes[0].method: method "FETCH" is not one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, *',
    );
    expect(new GuardPolicyError(problems).name).toBe("GuardPolicyError");
  });
});
