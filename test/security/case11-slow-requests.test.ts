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

describe("case 11: the timeouts cut trickling clients", () => {
  const HEAD_MS = 1_000;
  const REQUEST_MS = 2_000;
  const short = watchedServerForThisFile({
    HTTP_HEADERS_TIMEOUT_MS: String(HEAD_MS),
    HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_MS),
    HTTP_KEEP_ALIVE_TIMEOUT_MS: "500",
  });

  /** Sends `first`, then one more byte every 100 ms, and resolves with how long the server kept the connection. */
  function trickle(first: string, next: string): Promise<{ ms: number; answer: string }> {
    return new Promise((resolve) => {
      const started = Date.now();
      let answer = "";
      const socket = net.connect(short.port, "127.0.0.1", () => socket.write(first));
      const timer = setInterval(() => socket.writable && socket.write(next), 100);
      socket.on("data", (chunk) => (answer += chunk.toString()));
      socket.on("error", () => undefined);
      socket.on("close", () => {
        clearInterval(timer);
        resolve({ ms: Date.now() - started, answer });
      });
      // Never reached when the timeouts work: the test's own limit.
      setTimeout(() => socket.destroy(), 15_000);
    });
  }

  it("takes the settings from the environment", () => {
    const http = short.server.server.http;
    expect([http.headersTimeout, http.requestTimeout, http.keepAliveTimeout]).toEqual([HEAD_MS, REQUEST_MS, 500]);
  });

  it("cuts a head trickled byte by byte after the head's timeout, and a body after the request's", async () => {
    const [head, body, upload] = await Promise.all([
      trickle("GET /api/units HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ", "a"),
      trickle(
        requestHead("POST", "/api/status", { "Content-Type": "application/json", "Content-Length": 100_000 }) +
          '{"code":"',
        "H",
      ),
      trickle(
        requestHead("POST", "/api/uploads", {
          "Content-Type": "multipart/form-data; boundary=XX",
          "Content-Length": 1_000_000,
          Authorization: "Bearer nobody-nobody-nobody",
        }) + "--XX\r\n",
        "a",
      ),
    ]);
    expect(head.ms).toBeGreaterThanOrEqual(HEAD_MS - 50);
    expect(head.ms).toBeLessThan(HEAD_MS + 2_000);
    expect(head.answer).toMatch(/^HTTP\/1\.1 408|^$/);
    expect(body.ms).toBeGreaterThanOrEqual(REQUEST_MS - 50);
    expect(body.ms).toBeLessThan(REQUEST_MS + 2_000);
    // An upload without a valid token is answered at once; the connection still ends within the request's time.
    expect(upload.ms).toBeLessThan(REQUEST_MS + 2_000);
    await stillServes(short);
  });

  it("closes an idle keep-alive connection after HTTP_KEEP_ALIVE_TIMEOUT_MS", async () => {
    const idle = await new Promise<number>((resolve) => {
      const socket = net.connect(short.port, "127.0.0.1", () =>
        socket.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"),
      );
      let answeredAt = 0;
      socket.on("data", () => (answeredAt ||= Date.now()));
      socket.on("error", () => undefined);
      socket.on("close", () => resolve(Date.now() - answeredAt));
      setTimeout(() => socket.destroy(), 15_000);
    });
    expect(idle).toBeLessThan(2_000);
  });
});
