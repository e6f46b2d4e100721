import { createServer, request, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientIp } from "@/lib/http/client-ip";
import {
  applyClientAddress,
  normaliseAddress,
  resolveClientAddress,
  trustedProxies,
} from "./client-address.mjs";

describe("normaliseAddress", () => {
  it("keeps IPv4 and lower-cases IPv6", () => {
    expect(normaliseAddress("203.0.113.5")).toBe("203.0.113.5");
    expect(normaliseAddress(" 2001:DB8::1 ")).toBe("2001:db8::1");
  });
  it("turns IPv4-mapped IPv6 into the IPv4 address, dotted or hex", () => {
    expect(normaliseAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normaliseAddress("::FFFF:7f00:1")).toBe("127.0.0.1");
  });
  it("strips brackets and an IPv4 port", () => {
    expect(normaliseAddress("[::1]:8080")).toBe("::1");
    expect(normaliseAddress("198.51.100.7:443")).toBe("198.51.100.7");
  });
  it("refuses what is not an IP", () => {
    for (const bad of [
      "unknown",
      "",
      "example.com",
      "1.2.3",
      "999.1.1.1",
      "<script>",
      "1.1.1.1, 2.2.2.2",
      "a".repeat(80),
      undefined,
    ]) {
      expect(normaliseAddress(bad as string)).toBeNull();
    }
  });
});

describe("trustedProxies", () => {
  it("is loopback only by default", () => {
    const trusted = trustedProxies(undefined);
    expect(trusted.has("127.0.0.1")).toBe(true);
    expect(trusted.has("127.8.9.10")).toBe(true);
    expect(trusted.has("::1")).toBe(true);
    expect(trusted.has("10.0.0.1")).toBe(false);
    expect(trusted.has("192.168.1.1")).toBe(false);
  });
  it("takes addresses and CIDR ranges, or none", () => {
    const trusted = trustedProxies("10.0.1.0/24, 192.0.2.9, fd00::/8");
    expect(trusted.has("10.0.1.200")).toBe(true);
    expect(trusted.has("10.0.2.1")).toBe(false);
    expect(trusted.has("192.0.2.9")).toBe(true);
    expect(trusted.has("fd12::5")).toBe(true);
    expect(trusted.has("127.0.0.1")).toBe(false);
    expect(trustedProxies("none").has("127.0.0.1")).toBe(false);
  });
  it("stops on an entry it cannot read, naming it", () => {
    expect(() => trustedProxies("10.0.0.0/33")).toThrow("“10.0.0.0/33”");
    expect(() => trustedProxies("proxy.internal")).toThrow("proxy.internal");
  });
});

describe("resolveClientAddress", () => {
  const loopback = trustedProxies("loopback,10.0.0.0/8");
  it("an untrusted peer is itself, whatever it claims", () => {
    expect(
      resolveClientAddress(
        "203.0.113.9",
        { "x-real-ip": "1.1.1.1", "x-forwarded-for": "2.2.2.2" },
        loopback,
      ),
    ).toEqual({ address: "203.0.113.9", trustedPeer: false });
    expect(resolveClientAddress("::ffff:203.0.113.9", {}, loopback).address).toBe("203.0.113.9");
  });
  it("a trusted proxy's X-Real-IP, when it is an IP", () => {
    expect(
      resolveClientAddress("127.0.0.1", { "x-real-ip": "198.51.100.7" }, loopback).address,
    ).toBe("198.51.100.7");
    expect(
      resolveClientAddress(
        "127.0.0.1",
        { "x-real-ip": "unknown", "x-forwarded-for": "198.51.100.8" },
        loopback,
      ).address,
    ).toBe("198.51.100.8");
  });
  it("else X-Forwarded-For from the right, skipping our own proxies; what the client wrote to the left is not believed", () => {
    expect(
      resolveClientAddress(
        "10.0.0.2",
        { "x-forwarded-for": "6.6.6.6, 198.51.100.7, 10.0.0.5" },
        loopback,
      ).address,
    ).toBe("198.51.100.7");
    expect(
      resolveClientAddress("127.0.0.1", { "x-forwarded-for": "10.0.0.5" }, loopback).address,
    ).toBe("10.0.0.5");
    expect(
      resolveClientAddress("127.0.0.1", { "x-forwarded-for": "garbage, 10.0.0.5" }, loopback)
        .address,
    ).toBe("10.0.0.5");
    expect(resolveClientAddress("127.0.0.1", {}, loopback).address).toBe("127.0.0.1");
  });
});

// The layer in front of a real HTTP server, as serve.mjs puts it in front of Next: the handler reads the
// address the way the app does (lib/http/client-ip), so what it sees is what the audit log and the
// sign-in throttle would count.
describe("the server layer", () => {
  let server: Server;
  let port: number;
  let trusted = trustedProxies("none");
  beforeAll(async () => {
    server = createServer((req, res) => {
      applyClientAddress(req, trusted);
      const seen = {
        ip: clientIp(new Headers(req.headers as Record<string, string>)),
        headers: req.headers,
      };
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify(seen));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const get = (headers: Record<string, string>) =>
    new Promise<{ ip: string | null; headers: IncomingHttpHeaders }>((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port, path: "/", headers }, (res) => {
        let body = "";
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () => resolve(JSON.parse(body)));
      });
      req.on("error", reject);
      req.end();
    });

  it("from an untrusted peer: forged X-Real-IP, X-Forwarded-For and X-Forwarded-Proto/Host are replaced by the socket's address", async () => {
    trusted = trustedProxies("192.0.2.1"); // loopback is not a proxy of ours here
    const seen = await get({
      "x-real-ip": "203.0.113.66",
      "x-forwarded-for": "203.0.113.67, 203.0.113.68",
      "x-forwarded-proto": "https",
      "x-forwarded-host": "evil.example",
    });
    expect(seen.ip).toBe("127.0.0.1");
    expect(seen.headers["x-forwarded-for"]).toBe("127.0.0.1");
    expect(seen.headers["x-forwarded-proto"]).toBeUndefined();
    expect(seen.headers["x-forwarded-host"]).toBeUndefined();
  });

  it("from a trusted proxy: the address it reports, and its X-Forwarded-Proto", async () => {
    trusted = trustedProxies("loopback");
    const seen = await get({ "x-real-ip": "203.0.113.66", "x-forwarded-proto": "https" });
    expect(seen.ip).toBe("203.0.113.66");
    expect(seen.headers["x-forwarded-for"]).toBe("203.0.113.66");
    expect(seen.headers["x-forwarded-proto"]).toBe("https");
  });
});
