import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const axeSource = readFileSync(createRequire(__filename).resolve("axe-core/axe.min.js"), "utf8");

/** One accessibility rule broken on the page, with where. */
export interface AxeViolation {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  readonly targets: string[];
}

/**
 * Runs axe-core inside the page (WCAG 2.1 A and AA rules and axe's best practices) and returns the
 * serious and critical violations: what a screen-reader or keyboard user would be stopped by.
 * Evaluated through the debugging protocol, so the page's Content-Security-Policy does not block it.
 * `include` limits the audit to part of the page, such as the widget's root.
 */
export async function seriousAccessibilityViolations(page: Page, include?: string): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => "axe" in globalThis))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async (context) => {
    const axe = (globalThis as unknown as { axe: AxeRunner }).axe;
    const result = await axe.run(context ? { include: [context] } : (globalThis as { document?: unknown }).document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? "",
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(" ")),
    }));
  }, include ?? null);
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

interface AxeRunner {
  run(
    context: unknown,
    options: unknown,
  ): Promise<{
    violations: { id: string; impact?: string; help: string; nodes: { target: string[] }[] }[];
  }>;
}
