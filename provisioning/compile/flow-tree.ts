// An authentication flow as a tree: what we want Keycloak to run, and what we read back from it.
// Two trees are the same flow exactly when their canonical lines are equal (order included).
import { createHash } from "node:crypto";

export type Requirement = "REQUIRED" | "ALTERNATIVE" | "CONDITIONAL" | "DISABLED";

export interface ExecutionNode {
  readonly kind: "execution";
  readonly provider: string;
  readonly requirement: Requirement;
  readonly config?: Readonly<Record<string, string>>;
}

export interface SubflowNode {
  readonly kind: "subflow";
  /** Name within the top flow; the Keycloak alias is "<top alias> <name>". */
  readonly name: string;
  readonly requirement: Requirement;
  readonly children: readonly FlowNode[];
}

export type FlowNode = ExecutionNode | SubflowNode;

export interface FlowTree {
  readonly children: readonly FlowNode[];
}

/**
 * Keycloak masks config values of authenticators that declare no config properties (the amr
 * reference keys on factor executions) when they are read back. Lines compare them masked; the
 * flow's alias carries a hash of the unmasked tree, so a changed value still makes a new flow.
 */
export const MASKED = "**********";

/**
 * Stands for the top flow's alias in config values that name a subflow (conditional-sub-flow-executed):
 * the alias carries a hash of the tree, so the tree cannot hold it. Apply writes the real alias;
 * reading a flow puts the placeholder back.
 */
export const FLOW_ALIAS_PLACEHOLDER = "{flow}";
const WRITE_ONLY_KEYS = new Set(["default.reference.value", "default.reference.maxAge"]);

export function flowHash(tree: FlowTree): string {
  return createHash("sha256").update(flowLines(tree).join("\n")).digest("hex").slice(0, 8);
}

/** One line per node, indented by depth: the form plans print and comparisons use. */
export function flowLines(tree: FlowTree, masked = false): string[] {
  const lines: string[] = [];
  const walk = (nodes: readonly FlowNode[], depth: number) => {
    for (const n of nodes) {
      const pad = "  ".repeat(depth);
      if (n.kind === "subflow") {
        lines.push(`${pad}${n.name} (subflow) ${n.requirement}`);
        walk(n.children, depth + 1);
      } else {
        const config = n.config && masked ? Object.fromEntries(Object.entries(n.config).map(([k, v]) => [k, WRITE_ONLY_KEYS.has(k) ? MASKED : v])) : n.config;
        const cfg = config ? ` ${JSON.stringify(sortKeys(config))}` : "";
        lines.push(`${pad}${n.provider} ${n.requirement}${cfg}`);
      }
    }
  };
  walk(tree.children, 0);
  return lines;
}

export function sortKeys(o: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}
