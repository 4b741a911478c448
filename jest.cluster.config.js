// `npm run test:cluster`: our flows on Keycloak's production shape (PostgreSQL and two nodes,
// test/cluster/). Not one of `npm test`'s projects: the cluster takes minutes to start, and its
// file starts it once for all its tests (test/support/cluster.ts), so the files run one at a time.
import { common } from "./jest.config.js";

export default {
  testTimeout: 300_000,
  maxWorkers: 1,
  projects: [{ ...common, displayName: "cluster", testMatch: ["<rootDir>/test/cluster/**/*.test.ts"] }],
};
