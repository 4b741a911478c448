// How a plan words a changed field: old -> new for values, gains and losses for lists of plain values.
import type { DesiredRealm } from "../../../provisioning/compile/desired.js";
import { computePlan } from "../../../provisioning/plan/plan.js";
import { convergedRealm } from "../policy/converged.js";
import { minimalRealm } from "../policy/minimal.js";

const base = minimalRealm();
/** The one detail line planned for a realm field the policy wants as `want` and the realm has as `have`. */
function detail(want: unknown, have: unknown): string[] {
  const desired: DesiredRealm = { ...base, realm: { ...base.realm, field: want } };
  const actual = convergedRealm(desired);
  return computePlan(desired, { ...actual, realm: { ...actual.realm, field: have } }).changes.flatMap((c) => c.details);
}

describe("a planned field change", () => {
  it("takes empty text, unset and null for one another, as Keycloak drops attributes set to empty", () => {
    expect(detail("", undefined)).toEqual([]);
    expect(detail(undefined, "")).toEqual([]);
    expect(detail(null, "")).toEqual([]);
    expect(detail("", "x")).toEqual(['field: "x" -> ""']);
    expect(detail("x", undefined)).toEqual(['field: (unset) -> "x"']);
  });

  it("compares objects whatever their key order, and lists in order", () => {
    expect(detail({ a: 1, b: 2 }, { b: 2, a: 1 })).toEqual([]);
    expect(detail({ a: 1 }, { a: 2 })).toEqual(['field: {"a":2} -> {"a":1}']);
    expect(detail(["a", "b"], ["b", "a"])).toEqual(['field: ["b","a"] -> ["a","b"]']);
  });

  it("names what a list of plain values gains and loses", () => {
    expect(detail(["a", "b", 3, null, true], ["b", "c"])).toEqual(["field: + a, 3, null, true; - c"]);
    expect(detail(["a"], undefined)).toEqual(["field: + a"]);
    expect(detail([], ["a"])).toEqual(["field: - a"]);
  });

  it("names eight values a side, and counts the rest only when there are more", () => {
    const eight = ["1", "2", "3", "4", "5", "6", "7", "8"];
    expect(detail(eight, [])).toEqual(["field: + 1, 2, 3, 4, 5, 6, 7, 8"]);
    expect(detail([...eight, "9"], [])).toEqual(["field: + 1, 2, 3, 4, 5, 6, 7, 8 (and 1 more)"]);
  });

  it("shows a list of objects, or a list where there was none, whole", () => {
    expect(detail([{ a: 1 }], [])).toEqual(['field: [] -> [{"a":1}]']);
    expect(detail([{ a: 1 }, "x"], ["x"])).toEqual(['field: ["x"] -> [{"a":1},"x"]']);
    expect(detail(["a"], "a")).toEqual(['field: "a" -> ["a"]']);
    expect(detail("a", ["a"])).toEqual(['field: ["a"] -> "a"']);
  });
});
