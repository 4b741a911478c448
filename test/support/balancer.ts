// The load balancer production puts in front of a cluster, small enough to steer: one origin for
// the browser (so pages, cookies and tokens all carry one host and one issuer, as behind a real
// balancer), while the test decides which node answers from the next request on.
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";

export interface Balancer {
  /** What the browser and the relying party use, e.g. http://localhost:40123 */
  readonly url: string;
  /** Sends every request from now on to this node (its base URL). */
  routeTo(nodeUrl: string): void;
  /** The node (base URL) each request so far went to, with method and path, in order. */
  readonly served: ReadonlyArray<{ readonly node: string; readonly method: string; readonly path: string }>;
  close(): Promise<void>;
}

export async function startBalancer(firstNode: string): Promise<Balancer> {
  let node = firstNode;
  const served: { node: string; method: string; path: string }[] = [];
  const server = createServer((req, res) => {
    const target = new URL(node);
    served.push({ node, method: req.method ?? "GET", path: req.url ?? "/" });
    // The Host header goes through unchanged: the node builds its URLs (and the issuer) from it,
    // since the nodes run with KC_HOSTNAME_STRICT=false.
    const upstream = request(
      { hostname: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    // A node that is gone answers nothing; a balancer says so with 502.
    upstream.on("error", (err) => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
      res.end(`node ${node} did not answer: ${err.message}`);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return {
    url: `http://localhost:${(server.address() as AddressInfo).port}`,
    routeTo: (next) => {
      node = next;
    },
    served,
    close: () => new Promise((done) => {
      server.closeAllConnections();
      server.close(() => done());
    }),
  };
}
