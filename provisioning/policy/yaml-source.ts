// YAML parsing that remembers where each value came from, so every issue names its line.
import { isMap, isSeq, LineCounter, parseDocument, type Document } from "yaml";
import type { FieldPath, PolicyIssue } from "./issues.js";
import { formatPath } from "./issues.js";

export interface YamlSource {
  readonly file: string;
  readonly data: unknown;
  /** Position of the value at path, or of its nearest existing parent. */
  locate(path: FieldPath): { line: number; column: number };
  issue(path: FieldPath, message: string): PolicyIssue;
}

export function parseYaml(file: string, text: string): { source?: YamlSource; issues: PolicyIssue[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const issues: PolicyIssue[] = doc.errors.map((e) => {
    const pos = lineCounter.linePos(e.pos[0]);
    return { file, line: pos.line, column: pos.col, path: "(syntax)", message: e.message.split("\n")[0]! };
  });
  if (issues.length) return { issues };

  const locate = (path: FieldPath) => {
    const offset = nodeOffset(doc, path);
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const source: YamlSource = {
    file,
    data: doc.toJS(),
    locate,
    issue: (path, message) => ({ file, ...locate(path), path: formatPath(path), message }),
  };
  return { source, issues };
}

/** Start offset of the deepest node along path; for a map key, the key itself. */
function nodeOffset(doc: Document, path: FieldPath): number {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === seg);
      if (!pair) break;
      offset = rangeStart(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === "number" && node.items[seg] !== undefined) {
      node = node.items[seg];
      offset = rangeStart(node) ?? offset;
    } else break;
  }
  return offset;
}

function rangeStart(node: unknown): number | undefined {
  // Null is an empty document's contents; every node the parser makes has a range.
  return node === null ? undefined : (node as { range: [number, number, number] }).range[0];
}
