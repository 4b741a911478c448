import type { NetworkInterfaceInfo } from "node:os";
import { browserHost } from "../../scripts/keycloak/launcher.js";

describe("browserHost", () => {
  const interfaces = {
    lo: [{ address: "127.0.0.1" }],
    podman0: [{ address: "10.88.0.1" }],
  } as unknown as NodeJS.Dict<NetworkInterfaceInfo[]>;

  it("uses localhost for loopback and this machine's own addresses (so WebAuthn has a secure context)", () => {
    expect(browserHost("localhost", interfaces)).toBe("localhost");
    expect(browserHost("127.0.0.1", interfaces)).toBe("localhost");
    expect(browserHost("10.88.0.1", interfaces)).toBe("localhost");
  });

  it("keeps a remote container host as it is", () => {
    expect(browserHost("docker.internal.example", interfaces)).toBe("docker.internal.example");
    expect(browserHost("192.0.2.10", interfaces)).toBe("192.0.2.10");
  });
});
