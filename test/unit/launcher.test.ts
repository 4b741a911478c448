import type { NetworkInterfaceInfo } from "node:os";
import { browserHost, defaultGateway } from "../../scripts/keycloak/launcher.js";

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

describe("defaultGateway", () => {
  // /proc/net/route as cat prints it: tab-separated, padded with spaces, addresses little-endian hex.
  const table = (...rows: string[]) =>
    ["Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT   ", ...rows].join("\n") + "\n";

  it("reads the gateway of the default route (a podman bridge container)", () => {
    const routes = table(
      "eth0\t0000580A\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0    ",
      "eth0\t00000000\t0100580A\t0003\t0\t0\t0\t00000000\t0\t0\t0    ",
    );
    expect(defaultGateway(routes)).toBe("10.88.0.1");
  });

  it("reads the bytes in little-endian order (Docker's 172.17.0.1, 192.0.2.1)", () => {
    expect(defaultGateway(table("eth0\t00000000\t010011AC\t0003\t0\t0\t0\t00000000\t0\t0\t0"))).toBe("172.17.0.1");
    expect(defaultGateway(table("eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0"))).toBe("192.0.2.1");
  });

  it("skips routes that are not a usable default: down, without a gateway, or with a mask", () => {
    const routes = table(
      "eth1\t00000000\t0101A8C0\t0002\t0\t0\t0\t00000000\t0\t0\t0", // not RTF_UP
      "eth2\t00000000\t00000000\t0001\t0\t0\t0\t00000000\t0\t0\t0", // on-link, no gateway
      "eth3\t00000000\t0102A8C0\t0003\t0\t0\t0\t000000FF\t0\t0\t0", // 0.0.0.0/8, not default
      "eth0\t00000000\t0103A8C0\t0003\t0\t0\t0\t00000000\t0\t0\t0",
    );
    expect(defaultGateway(routes)).toBe("192.168.3.1");
  });

  it("finds nothing in a table without a default route, or in no table", () => {
    expect(defaultGateway(table("eth0\t0000580A\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0"))).toBeUndefined();
    expect(defaultGateway("")).toBeUndefined();
    expect(defaultGateway("cat: /proc/net/route: No such file or directory")).toBeUndefined();
  });
});
