// The browser tests' page helpers: the sign-in page objects shared with `kc-assurance verify`
// (provisioning/browser/pages.ts), plus accessibility checks and screenshots of each page variant.
import type { Page } from "playwright-core";
import { currentPageId, waitForPage } from "../../provisioning/browser/pages.js";

export * from "../../provisioning/browser/pages.js";

/** WCAG 2.x A/AA rules and axe's best practices, as the theme's accessibility checks run them. */
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
let axeSource: string | undefined;

/**
 * Runs axe-core (injected from node_modules) on the page as it is now and returns its violations of
 * the given impacts (default: serious and critical), one line each: rule, impact, elements, help.
 */
export async function accessibilityViolations(page: Page, impacts: readonly string[] = ["serious", "critical"]): Promise<string[]> {
  if (axeSource === undefined) {
    const { readFileSync } = await import("node:fs");
    const { createRequire } = await import("node:module");
    axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  }
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact?: string; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? "", help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
  }, AXE_TAGS);
  return violations.filter((v) => impacts.includes(v.impact)).map((v) => `${v.id} (${v.impact}): ${v.targets.join(", ")} (${v.help})`);
}

/** The sizes and schemes every theme page is checked and pictured in. */
export const VARIANT_SIZES = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } } as const;
export const VARIANT_SCHEMES = ["light", "dark"] as const;
export type VariantLang = "en" | "de";

/** The page's language now, from its kcContext. */
export function pageLanguage(page: Page): Promise<string | undefined> {
  return page.evaluate(() => (window as { kcContext?: { locale?: { currentLanguageTag?: string } } }).kcContext?.locale?.currentLanguageTag);
}

/** Whether the page's language menu offers the language (the realm has it). */
export function offersLanguage(page: Page, lang: VariantLang): Promise<boolean> {
  return page.evaluate(
    (l) => !!(window as { kcContext?: { locale?: { supported: { languageTag: string }[] } } }).kcContext?.locale?.supported.some((s) => s.languageTag === l),
    lang,
  );
}

/** Shows the same page in another language through its language menu's link (Keycloak re-renders the step). */
export async function switchLanguage(page: Page, lang: VariantLang): Promise<void> {
  const id = await currentPageId(page);
  const url = await page.evaluate(
    (l) => (window as { kcContext?: { locale?: { supported: { languageTag: string; url: string }[] } } }).kcContext?.locale?.supported.find((s) => s.languageTag === l)?.url,
    lang,
  );
  if (!url || !id) throw new Error(`no ${lang} in the language menu of ${String(id)}`);
  await page.goto(new URL(url, page.url()).href);
  await waitForPage(page, id);
  const now = await pageLanguage(page);
  if (now !== lang) throw new Error(`${id} is in ${String(now)}, not ${lang}, after its language link`);
}

/**
 * The page as it is now in each colour scheme and size: axe (serious and critical violations, and
 * sideways scrolling on the phone, returned as lines) and a full-page screenshot each, saved as
 * test-results/screenshots/a11y/<name>-<lang>-<scheme>-<size>.png. Leaves the page light, desktop.
 */
export async function pageVariants(page: Page, name: string, lang: VariantLang): Promise<string[]> {
  const { mkdirSync } = await import("node:fs");
  const { join } = await import("node:path");
  const dir = join(process.cwd(), "test-results", "screenshots", "a11y");
  mkdirSync(dir, { recursive: true });
  await page.waitForLoadState("networkidle");
  const problems: string[] = [];
  const shown = await pageLanguage(page);
  if (shown !== undefined && shown !== lang) problems.push(`${name}: shown in ${shown}, not ${lang}`);
  for (const scheme of VARIANT_SCHEMES) {
    for (const [size, viewport] of Object.entries(VARIANT_SIZES)) {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme: scheme });
      const label = `${name}-${lang}-${scheme}-${size}`;
      problems.push(...(await accessibilityViolations(page)).map((v) => `${label}: ${v}`));
      if (size === "phone" && !(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth))) {
        problems.push(`${label}: scrolls sideways on a ${viewport.width} px phone`);
      }
      await page.screenshot({ path: join(dir, `${label}.png`), fullPage: true });
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize(VARIANT_SIZES.desktop);
  return problems;
}

/** pageVariants in English and, through the language menu, German; the page is left in English. */
export async function pageVariantsInBothLanguages(page: Page, name: string): Promise<string[]> {
  const problems = await pageVariants(page, name, "en");
  if (!(await offersLanguage(page, "de"))) return [...problems, `${name}: the realm offers no German`];
  await switchLanguage(page, "de");
  problems.push(...(await pageVariants(page, name, "de")));
  await switchLanguage(page, "en");
  return problems;
}
