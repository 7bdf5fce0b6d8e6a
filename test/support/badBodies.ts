import { type RequestEnding, requestHead } from "./rawHttp";

export interface BadRequest {
  name: string;
  bytes: Buffer;
  ending: RequestEnding;
}

const json = "application/json";
const multipart = "multipart/form-data; boundary=XX";
const filePart =
  '--XX\r\nContent-Disposition: form-data; name="file"; filename="cccd.jpg"\r\nContent-Type: ' +
  "image/jpeg\r\n\r\n\xff\xd8\xff\xe0";

/**
 * The ways a client can break a request body (and its head), as raw bytes for `rawRequest`:
 * aborted mid-body, cut short of its Content-Length, cut before the multipart boundary,
 * garbled (invalid JSON, wrong content type, invalid UTF-8, unknown charset or encoding),
 * hostile (prototype keys, deep nesting) and past the limits (huge body, huge headers).
 */
export function badRequests(method: string, path: string, headers: Record<string, string>): BadRequest[] {
  const req = (
    name: string,
    contentType: string,
    body: Buffer | string,
    extra: Record<string, string | number> = {},
    ending: RequestEnding = "wait",
  ): BadRequest => {
    const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body, "latin1");
    const head = requestHead(method, path, {
      ...headers,
      "Content-Type": contentType,
      "Content-Length": bytes.length,
      ...extra,
    });
    return { name, bytes: Buffer.concat([Buffer.from(head, "latin1"), bytes]), ending };
  };
  const paramsGarbled =
    path.includes("/api/") && /\/[^/]*-\d/.test(path)
      ? path.replace(/\/[^/]*-\d[^/]*/, "/%E0%A4%A")
      : `${path}?q=%ff%fe&q=1&__proto__[x]=1`;
  const chunkedHead = requestHead(method, path, { ...headers, "Content-Type": json, "Transfer-Encoding": "chunked" });
  return [
    req("aborted mid-body", json, '{"username":"a","password":"', { "Content-Length": 2000 }, "destroy"),
    req(
      "cut short of its Content-Length",
      json,
      '{"username":"quantri","password":"',
      { "Content-Length": 2000 },
      "half-close",
    ),
    req("multipart cut before its closing boundary", multipart, `${filePart} cut`),
    req(
      "multipart cut short of its Content-Length",
      multipart,
      `${filePart} cut`,
      { "Content-Length": 5000 },
      "half-close",
    ),
    req("multipart without a boundary", "multipart/form-data", `${filePart}\r\n--XX--\r\n`),
    req("invalid JSON", json, '{"username": "quantri", "password": '),
    req("JSON under the wrong content type", "text/plain", '{"username":"quantri","password":"x"}'),
    req(
      "invalid UTF-8",
      "application/json; charset=utf-8",
      Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xff, 0xfe, 0x22, 0x7d]),
    ),
    req("an unsupported charset", "application/json; charset=utf-7", '{"a":"+AGEAYgBj-"}'),
    req("an unknown content encoding", json, '{"a":1}', { "Content-Encoding": "x-khai-ho" }),
    req("gzip that is not gzip", json, "not gzip at all", { "Content-Encoding": "gzip" }),
    req(
      "prototype keys",
      json,
      '{"__proto__":{"role":"admin"},"constructor":{"prototype":{"ok":true}},' +
        '"$where":"1","username":"quantri","password":"x","status":"received"}',
    ),
    req("deep nesting", json, `${"[".repeat(1800)}${"]".repeat(1800)}`),
    req("a body past the limits", json, `{"text":"${"a".repeat(200 * 1024)}"}`),
    req("a multipart file past the limits", multipart, `${filePart}${"a".repeat(200 * 1024)}\r\n--XX--\r\n`),
    req("headers past the limits", json, "{}", { "X-Padding": "a".repeat(20 * 1024) }),
    req("a negative Content-Length", json, "{}", { "Content-Length": -1 }),
    {
      name: "a chunked body that never ends",
      bytes: Buffer.from(`${chunkedHead}10\r\n{"username":"qu`, "latin1"),
      ending: "half-close",
    },
    {
      name: "invalid chunk sizes",
      bytes: Buffer.from(`${chunkedHead}zz\r\n{}\r\n0\r\n\r\n`, "latin1"),
      ending: "wait",
    },
    {
      name: "malformed percent-encoding in the path",
      bytes: Buffer.from(requestHead(method, paramsGarbled, headers), "latin1"),
      ending: "wait",
    },
  ];
}
