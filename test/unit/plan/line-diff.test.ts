// The line diff plans show for a replaced flow: the fewest lines marked, in order, so that drift
// (a step removed, added or moved) reads as what happened.
import { lineDiff } from "../../../provisioning/plan/plan.js";

describe("lineDiff", () => {
  it("keeps equal lists unmarked, and marks everything against an empty side", () => {
    expect(lineDiff(["a", "b"], ["a", "b"])).toEqual(["  a", "  b"]);
    expect(lineDiff([], ["a", "b"])).toEqual(["+ a", "+ b"]);
    expect(lineDiff(["a", "b"], [])).toEqual(["- a", "- b"]);
  });

  it("marks only what was added or removed, at the start, in the middle and at the end", () => {
    expect(lineDiff(["b", "c"], ["a", "b", "c"])).toEqual(["+ a", "  b", "  c"]);
    expect(lineDiff(["a", "b", "c"], ["a", "c"])).toEqual(["  a", "- b", "  c"]);
    expect(lineDiff(["x", "a", "b"], ["a", "b", "y"])).toEqual(["- x", "  a", "  b", "+ y"]);
    expect(lineDiff(["x", "y", "b"], ["b"])).toEqual(["- x", "- y", "  b"]);
    expect(lineDiff(["b"], ["x", "y", "b"])).toEqual(["+ x", "+ y", "  b"]);
  });

  it("keeps the longest run in common: a line moved from first to last is one removal and one addition", () => {
    expect(lineDiff(["a", "b", "c", "d"], ["b", "c", "d", "a"])).toEqual(["- a", "  b", "  c", "  d", "+ a"]);
    expect(lineDiff(["d", "a", "b", "c"], ["a", "b", "c", "d"])).toEqual(["- d", "  a", "  b", "  c", "+ d"]);
    expect(lineDiff(["a", "b", "c", "d"], ["d", "a", "b", "c"])).toEqual(["+ d", "  a", "  b", "  c", "- d"]);
  });

  it("shows a replaced line as the new one, then the old one", () => {
    expect(lineDiff(["a", "x", "c"], ["a", "y", "c"])).toEqual(["  a", "+ y", "- x", "  c"]);
  });
});
