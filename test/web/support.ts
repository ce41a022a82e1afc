// Drives the web console in real headless Chromium (Debian's `chromium` package, playwright-core).
import { existsSync, mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { slashCommand } from "../support/slack.ts";
import { dm, postsTo, type Company } from "../slack/company.ts";

export const CHROMIUM = "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);
export const SCREENSHOTS = "test-results/console";

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
}

/** `/conduct console` from Slack; returns the sign-in link the bot's DM carries. */
export async function signInLinkFromSlack(h: Company, user: string): Promise<string> {
  const before = postsTo(h, dm(user)).length;
  await h.sendForm(slashCommand(user, "C0GENERAL", "console", h.slack.responseUrl("console")));
  await h.slack.waitFor("chat.postMessage", { count: before + 1, where: (c) => c.args.channel === dm(user), timeoutMs: 20_000 });
  const post = postsTo(h, dm(user))[before]!;
  const url = /(http:\/\/localhost:\d+\/console\/signin\/[A-Za-z0-9_-]{43})/.exec(String(post.args.text))?.[1];
  if (!url) throw new Error(`no sign-in link in the DM: ${String(post.args.text)}`);
  return url;
}

/** Opens the link and presses "Sign in"; resolves on the page that follows. */
export async function signIn(page: Page, link: string): Promise<void> {
  await page.goto(link);
  await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "Sign in" }).click()]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}
