// Reading a policy's YAML: syntax errors as one-line messages at their place, and the line and
// column a field path points to, down to the deepest node that exists.
import { parseYaml } from "../../../provisioning/policy/yaml-source.js";

const at = (text: string, path: readonly (string | number)[]) => {
  const { source } = parseYaml("p.yaml", text);
  if (!source) throw new Error("not parsed");
  return source.locate(path);
};

describe("a policy's YAML", () => {
  it("reports a syntax error on one line, without the parser's own position text, at its place", () => {
    expect(parseYaml("p.yaml", "version: [1\n")).toEqual({
      issues: [{ file: "p.yaml", line: 2, column: 1, path: "(syntax)", message: "Flow sequence in block collection must be sufficiently indented and end with a ]" }],
    });
  });

  it("refuses a key given twice (a later value would silently win)", () => {
    expect(parseYaml("p.yaml", "a: 1\na: 2\n").issues).toEqual([{ file: "p.yaml", line: 2, column: 1, path: "(syntax)", message: "Map keys must be unique" }]);
  });

  it("locates a list item's field and a list's item", () => {
    const text = "levels:\n  - name: x\n    acr: [a, b]\n";
    expect(at(text, ["levels", 0, "acr", 1])).toEqual({ line: 3, column: 14 });
    expect(at(text, ["levels", 0, "name"])).toEqual({ line: 2, column: 5 });
  });

  it("stops at the deepest node that exists: a missing key or item, a name where a list is, a field under a scalar", () => {
    const text = "levels:\n  - name: x\n    acr: [a, b]\n";
    expect(at(text, ["nope", "x"])).toEqual({ line: 1, column: 1 });
    expect(at(text, ["levels", 5, "acr"])).toEqual({ line: 1, column: 1 });
    expect(at(text, ["levels", "name"])).toEqual({ line: 1, column: 1 });
    expect(at(text, ["levels", 0, "name", "deeper"])).toEqual({ line: 2, column: 5 });
    expect(at(text, ["levels", 0, "name", 0])).toEqual({ line: 2, column: 5 });
  });

  it("points a field missing from the whole document at where its content starts, after comments and ---", () => {
    expect(at("# policy\n---\nversion: 1\n", ["levels"])).toEqual({ line: 3, column: 1 });
  });

  it("locates in an empty document and past a key that is empty", () => {
    expect(at("", ["version"])).toEqual({ line: 1, column: 1 });
    expect(at("? \n: 1\nb: 2\n", ["b"])).toEqual({ line: 3, column: 1 });
  });
});
