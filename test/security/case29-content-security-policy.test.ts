import { watchedServerForThisFile } from "./securityHarness";

const watched = watchedServerForThisFile();

const directives = (csp: string | null) =>
  Object.fromEntries(
    (csp ?? "")
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([k, ...v]) => [k, v]),
  );

describe("case 29: the security headers of the console and the widget", () => {
  it("runs the console under script-src 'self' (no unsafe-inline), object-src and frame-ancestors 'none'", async () => {
    const res = await fetch(`${watched.url}/console`);
    const csp = directives(res.headers.get("content-security-policy"));
    expect(csp["script-src"]).toEqual(["'self'"]);
    expect(csp["object-src"]).toEqual(["'none'"]);
    expect(csp["frame-ancestors"]).toEqual(["'none'"]);
    expect(JSON.stringify(csp)).not.toContain("unsafe-inline");
  });

  it("makes only the widget script loadable cross-origin; the API and console stay same-origin", async () => {
    expect((await fetch(`${watched.url}/widget.js`)).headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    for (const route of ["/console", "/console.js", "/api/units", "/"])
      expect([route, (await fetch(`${watched.url}${route}`)).headers.get("cross-origin-resource-policy")]).toEqual([
        route,
        "same-origin",
      ]);
    for (const route of ["/", "/api/units"])
      expect((await fetch(`${watched.url}${route}`)).headers.get("x-content-type-options")).toBe("nosniff");
  });
});
