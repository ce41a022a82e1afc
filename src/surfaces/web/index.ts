// The handlers' web console: server-rendered pages on the bot's own HTTP server, on the same cores
// as Slack, Teams and the terminal console. The surface translates; the cores decide who sees what.
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { timingSafeEqual } from "node:crypto";
import type { ApprovalService } from "../../core/approvals/service.ts";
import type { CaseService } from "../../core/cases/service.ts";
import type { Clock } from "../../core/clock.ts";
import type { DirectoryQueries } from "../../core/directory/types.ts";
import type { OversightService } from "../../core/insights/service.ts";
import type { Session, SignInService } from "../../core/signin/service.ts";
import type { Actor } from "../../interactions/actor.ts";
import type { Logger } from "../../log.ts";
import { BodyTooLarge, clearedSessionCookie, cookiesOf, formOf, redirect, sendFile, sendHtml, SESSION_COOKIE, sessionCookie } from "./http.ts";
import { html } from "./html.ts";
import { empty, page, type Viewer } from "./layout.ts";
import { routes, type Route } from "./routes.ts";
import { LINK_REFUSED, signedOutPage, signInPage } from "./pages/signin.ts";

export interface WebConsoleDeps {
  signIn: SignInService;
  cases: CaseService;
  approvals: ApprovalService;
  oversight: OversightService;
  directory: DirectoryQueries;
  clock: Clock;
  /** Where people reach the console (PUBLIC_URL, or http://localhost:<port>). */
  publicUrl: () => string;
  logger: Logger;
}

export interface WebConsole {
  /** Everything under /console. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** The sign-in link for a person the chat platform identified. */
  signInLink(personId: string): Promise<{ url: string; expiresAt: Date }>;
}

/** One request once its session is known: who, the parsed URL, the form (POST). */
export interface Request {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  session: Session;
  viewer: Viewer;
  /** The signed-in directory person, identified once per request; null when the directory no longer lists them. */
  actor: Actor | null;
  form: Record<string, string>;
  params: string[];
}

const STYLE = readFileSync(new URL("./style.css", import.meta.url), "utf8");

const sameToken = (a: string | undefined, b: string) => typeof a === "string" && a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export function createWebConsole(deps: WebConsoleDeps): WebConsole {
  const secure = () => deps.publicUrl().startsWith("https:");
  const table = routes(deps);

  /** A POST from another site (a forged form) carries a foreign Origin; browsers send it on every POST. */
  const sameOrigin = (req: IncomingMessage) => {
    const origin = req.headers.origin;
    if (!origin) return true; // older clients; the CSRF token still guards the form
    const host = req.headers.host;
    return origin === new URL(deps.publicUrl()).origin || (host !== undefined && (origin === `http://${host}` || origin === `https://${host}`));
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://console.invalid");
    const method = req.method ?? "GET";
    try {
      if (url.pathname === "/console/style.css") return sendFile(res, "text/css; charset=utf-8", STYLE);
      if (method === "GET" && url.pathname.startsWith("/console/signin/")) {
        return sendHtml(res, 200, page({ title: "Sign in" }, signInPage(url.pathname.slice("/console/signin/".length))));
      }
      if (method === "POST" && url.pathname === "/console/signin") {
        if (!sameOrigin(req)) return refuse(res, 403, "This form came from another site; nothing was done.");
        const form = await formOf(req);
        const redeemed = await deps.signIn.redeem(String(form.token ?? ""));
        if (!redeemed.ok) return sendHtml(res, 410, page({ title: "Sign-in link not valid" }, html`${empty(LINK_REFUSED[redeemed.reason])}`));
        return redirect(res, "/console/cases", { "set-cookie": sessionCookie(redeemed.sessionToken, secure()) });
      }

      const token = cookiesOf(req).get(SESSION_COOKIE);
      const session = token ? await deps.signIn.authenticate(token) : null;
      if (!session) {
        const headers: Record<string, string> = token ? { "set-cookie": clearedSessionCookie(secure()) } : {};
        return sendHtml(res, 401, page({ title: token ? "Your session has ended" : "Sign in to the console" }, signedOutPage()), headers);
      }

      let form: Record<string, string> = {};
      if (method === "POST") {
        if (!sameOrigin(req)) return refuse(res, 403, "This form came from another site; nothing was done.");
        form = await formOf(req);
        if (!sameToken(form.csrf, session.csrfToken)) return refuse(res, 403, "This form has expired or did not come from the console; nothing was done. Reload the page and try again.");
      }
      if (method === "POST" && url.pathname === "/console/signout") {
        await deps.signIn.signOut(token!);
        return sendHtml(res, 200, page({ title: "Signed out" }, signedOutPage()), { "set-cookie": clearedSessionCookie(secure()) });
      }

      const person = await deps.directory.get(session.personId);
      const viewer: Viewer = { name: person?.name ?? "You", csrfToken: session.csrfToken, oversees: await deps.oversight.oversees(session.personId) };
      const match = findRoute(table, method, url.pathname);
      if (!match) return sendHtml(res, 404, page({ title: "Page not found", viewer }, empty("There is nothing at this address. Use the menu above.")));
      await match.route.run({ req, res, url, session, viewer, actor: person ? { person } : null, form, params: match.params });
    } catch (error) {
      if (error instanceof BodyTooLarge) return refuse(res, 413, "That form is too large; nothing was done.");
      deps.logger.error({ route: `${method} ${url.pathname.replace(/C-\d{4}-\d+/, "C-…")}`, err: { type: (error as Error)?.name } }, "console request failed");
      if (!res.headersSent) sendHtml(res, 500, page({ title: "Something went wrong" }, empty("The console could not do that. Try again in a moment.")));
      else res.end();
    }
  }

  function refuse(res: ServerResponse, status: number, message: string): void {
    sendHtml(res, status, page({ title: "Request refused", error: message }, html`<p><a href="/console/cases">Back to the console</a></p>`));
  }

  return {
    handle,
    async signInLink(personId) {
      const { token, expiresAt } = await deps.signIn.issue(personId);
      return { url: `${deps.publicUrl().replace(/\/+$/, "")}/console/signin/${token}`, expiresAt };
    },
  };
}

function findRoute(table: Route[], method: string, path: string): { route: Route; params: string[] } | null {
  for (const route of table) {
    if (route.method !== method) continue;
    const m = route.path.exec(path);
    if (!m) continue;
    try {
      return { route, params: m.slice(1).map((p) => (p === undefined ? "" : decodeURIComponent(p))) };
    } catch {
      return null; // a malformed %-escape: no such page
    }
  }
  return null;
}
