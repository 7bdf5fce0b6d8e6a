import net from "node:net";
import { requestHead } from "../support/rawHttp";
import { stillServes, watchedServerForThisFile } from "./securityHarness";

const watched = watchedServerForThisFile();

/** Connections that send part of a request and then nothing (slowloris / slow POST), kept open until destroyed. */
async function slowClients(count: number, bytes: string): Promise<net.Socket[]> {
  return Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<net.Socket>((resolve) => {
          const socket = net.connect(watched.port, "127.0.0.1", () => {
            socket.write(bytes);
            resolve(socket);
          });
          socket.on("error", () => undefined);
        }),
    ),
  );
}

describe("case 11: slowloris and slow POST", () => {
  it("bounds how long the server waits for a request's head and its whole body", () => {
    const http = watched.server.server.http;
    expect(http.headersTimeout).toBeGreaterThan(0);
    expect(http.headersTimeout).toBeLessThanOrEqual(60_000);
    expect(http.requestTimeout).toBeGreaterThan(0);
    expect(http.requestTimeout).toBeLessThanOrEqual(300_000);
    expect(http.keepAliveTimeout).toBeLessThanOrEqual(60_000);
  });

  it("serves citizens while 100 connections trickle heads, JSON bodies, uploads and handshakes", async () => {
    const sockets = [
      ...(await slowClients(25, "GET /api/units HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")),
      ...(await slowClients(
        25,
        requestHead("POST", "/api/status", { "Content-Type": "application/json", "Content-Length": 10_000 }) +
          '{"code":"',
      )),
      ...(await slowClients(
        25,
        requestHead("POST", "/api/uploads", {
          "Content-Type": "multipart/form-data; boundary=XX",
          "Content-Length": 1_000_000,
          Authorization: "Bearer nobody-nobody-nobody",
        }) + "--XX\r\n",
      )),
      ...(await slowClients(25, "GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: ")),
    ];
    try {
      await stillServes(watched);
    } finally {
      sockets.forEach((s) => s.destroy());
    }
  });
});
