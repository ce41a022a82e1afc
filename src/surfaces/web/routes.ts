// The console's pages and actions. Each calls one core function with the signed-in person's id;
// the core answers "No such case." (or null) for anything that person may not see.
import type { CaseResult } from "../../core/cases/index.ts";
import { decisionInteractions } from "../../interactions/decision.ts";
import { caseFilters, CASE_NUMBER, decisionForm, firstProblem, holdForm, messageForm, noteForm, reassignForm, registerFilters, statusForm } from "./forms.ts";
import { redirect, sendFile, sendHtml } from "./http.ts";
import { empty, page } from "./layout.ts";
import type { Request, WebConsoleDeps } from "./index.ts";
import { approvalsPage, registerRows, registersPage, REGISTER_COLUMNS, toCsv } from "./pages/approvals.ts";
import { casePage, type Typed } from "./pages/case.ts";
import { casesPage } from "./pages/cases.ts";
import { dashboardPage } from "./pages/dashboard.ts";

export interface Route {
  method: "GET" | "POST";
  path: RegExp;
  run(r: Request): Promise<void>;
}

/** Fixed confirmations after an action (Post/Redirect/Get): a key in the URL, never echoed text. */
const NOTICES: Record<string, string> = {
  message: "Message sent. The reporter gets it in their chat with the bot.",
  note: "Note added.",
  status: "Status changed. The reporter was told.",
  reassigned: "Reassigned.",
  hold_on: "Legal hold placed: the case will not be purged.",
  hold_off: "Legal hold lifted.",
  decided: "Decision recorded.",
};
const noticeOf = (r: Request) => NOTICES[r.url.searchParams.get("done") ?? ""];

const NOT_FOUND_TITLE = "No such case";

export function routes(deps: WebConsoleDeps): Route[] {
  const { cases, approvals, oversight } = deps;
  const decisions = decisionInteractions(approvals, deps.logger);

  async function showCase(r: Request, number: string, status = 200, error?: string, typed: Typed = {}): Promise<void> {
    const me = r.session.personId;
    const view = CASE_NUMBER.test(number) ? await cases.view(me, number) : null;
    if (!view || !view.ok) return sendHtml(r.res, 404, page({ title: NOT_FOUND_TITLE, viewer: r.viewer, section: "cases" }, empty("No such case among the cases you handle.")));
    const [history, candidates] = await Promise.all([cases.trailForHandler(me, number), cases.reassignCandidates(me, number, "", 50)]);
    const notice = status === 200 ? noticeOf(r) : undefined;
    sendHtml(
      r.res,
      status,
      page(
        { title: `Case ${number}`, viewer: r.viewer, section: "cases", ...(notice ? { notice } : {}), ...(error ? { error } : {}) },
        casePage(view.value, history.ok ? history.value : [], candidates.ok ? candidates.value : [], r.viewer, typed),
      ),
    );
  }

  /** After a case action: back to the case with a confirmation, or the case with the core's refusal and the typed text. */
  async function afterCaseAction(r: Request, number: string, result: CaseResult<unknown>, done: string, typed: Typed = {}): Promise<void> {
    if (result.ok) return redirect(r.res, `/console/cases/${number}?done=${done}`);
    if (result.error === "not_found") return showCase(r, number, 404);
    return showCase(r, number, 422, result.message, typed);
  }

  const caseAction = (name: string, run: (r: Request, number: string) => Promise<void>): Route => ({
    method: "POST",
    path: new RegExp(`^/console/cases/(C-\\d{4}-\\d{4,6})/${name}$`),
    run: (r) => run(r, r.params[0]!),
  });

  return [
    { method: "GET", path: /^\/console\/?$/, run: async (r) => redirect(r.res, "/console/cases") },
    {
      method: "GET",
      path: /^\/console\/cases$/,
      async run(r) {
        const parsed = caseFilters.safeParse(Object.fromEntries(r.url.searchParams));
        const filters = parsed.success ? parsed.data : {};
        const mine = await cases.listForHandler(r.session.personId);
        sendHtml(r.res, 200, page({ title: "Your cases", viewer: r.viewer, section: "cases", ...(parsed.success ? {} : { error: "Those filters are not valid; showing all your cases." }) }, casesPage(mine, filters, deps.clock.now())));
      },
    },
    { method: "GET", path: /^\/console\/cases\/([^/]+)$/, run: (r) => showCase(r, r.params[0]!) },
    caseAction("message", async (r, number) => {
      const form = messageForm.safeParse(r.form);
      if (!form.success) return showCase(r, number, 422, firstProblem(form.error));
      await afterCaseAction(r, number, await cases.messageReporter(r.session.personId, number, form.data.text), "message", { form: "message", text: form.data.text });
    }),
    caseAction("note", async (r, number) => {
      const form = noteForm.safeParse(r.form);
      if (!form.success) return showCase(r, number, 422, firstProblem(form.error));
      await afterCaseAction(r, number, await cases.addNote(r.session.personId, number, form.data.text), "note", { form: "note", text: form.data.text });
    }),
    caseAction("status", async (r, number) => {
      const form = statusForm.safeParse(r.form);
      if (!form.success) return showCase(r, number, 422, firstProblem(form.error));
      await afterCaseAction(r, number, await cases.setStatus(r.session.personId, number, form.data.status, form.data.outcome), "status");
    }),
    caseAction("reassign", async (r, number) => {
      const form = reassignForm.safeParse(r.form);
      if (!form.success) return showCase(r, number, 422, firstProblem(form.error));
      const result = await cases.reassign(r.session.personId, number, form.data.to, { stay: form.data.stay === "on" });
      // Handed over without staying: the case is no longer this person's to see.
      if (result.ok && !form.data.stay) return redirect(r.res, "/console/cases?done=reassigned");
      await afterCaseAction(r, number, result, "reassigned");
    }),
    caseAction("hold", async (r, number) => {
      const form = holdForm.safeParse(r.form);
      if (!form.success) return showCase(r, number, 422, firstProblem(form.error));
      await afterCaseAction(r, number, await cases.legalHold(r.session.personId, number, form.data.on === "on"), form.data.on === "on" ? "hold_on" : "hold_off");
    }),
    {
      method: "GET",
      path: /^\/console\/approvals$/,
      async run(r) {
        const waiting = await approvals.listWaitingFor(r.session.personId);
        const notice = noticeOf(r);
        sendHtml(r.res, 200, page({ title: "Waiting for your decision", viewer: r.viewer, section: "approvals", ...(notice ? { notice } : {}) }, approvalsPage(waiting, r.viewer)));
      },
    },
    {
      method: "POST",
      path: /^\/console\/approvals\/([A-Za-z0-9_-]{1,64})\/decide$/,
      async run(r) {
        const me = r.session.personId;
        const waiting = await approvals.listWaitingFor(me);
        const title = "Waiting for your decision";
        const form = decisionForm.safeParse(r.form);
        if (!form.success) return sendHtml(r.res, 422, page({ title, viewer: r.viewer, section: "approvals", error: firstProblem(form.error) }, approvalsPage(waiting, r.viewer)));
        const { action, stage, text, onBehalfOf, key } = form.data;
        if (!r.actor) return sendHtml(r.res, 403, page({ title, viewer: r.viewer, section: "approvals", error: "The company directory no longer lists you, so nothing was recorded." }, approvalsPage(waiting, r.viewer)));
        const { reply } = await decisions.decide(
          r.actor,
          r.params[0]!,
          {
            action,
            stage,
            ...(onBehalfOf ? { onBehalfOf } : {}),
            ...(action === "approve" && text ? { conditions: text } : {}),
            ...(action === "decline" ? { reason: text } : {}),
            ...(action === "ask_info" ? { question: text } : {}),
          },
          `web:${me}:${key}`,
        );
        if (reply.kind === "approval" && reply.changed) return redirect(r.res, "/console/approvals?done=decided");
        const error = reply.kind === "approval" ? reply.note : reply.kind === "notice" ? [reply.title, ...reply.lines].join(". ") : Object.values(reply.errors).join(" ");
        sendHtml(r.res, 409, page({ title, viewer: r.viewer, section: "approvals", error }, approvalsPage(await approvals.listWaitingFor(me), r.viewer)));
      },
    },
    {
      method: "GET",
      path: /^\/console\/registers(\.csv)?$/,
      async run(r) {
        const parsed = registerFilters.safeParse(Object.fromEntries(r.url.searchParams));
        const filters = parsed.success ? parsed.data : {};
        const entries = await oversight.registers(r.session.personId, filters);
        if (!entries) return sendHtml(r.res, 404, page({ title: "Registers", viewer: r.viewer }, empty("The registers are for the ethics officer and the Code's approvers.")));
        if (r.params[0]) {
          return sendFile(r.res, "text/csv; charset=utf-8", toCsv([[...REGISTER_COLUMNS], ...registerRows(entries)]), { "content-disposition": `attachment; filename="approval-register.csv"` });
        }
        const query = new URLSearchParams(Object.entries(filters).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : []))).toString();
        sendHtml(r.res, 200, page({ title: "Approval registers", viewer: r.viewer, section: "registers" }, registersPage(entries, filters, query ? `?${query}` : "")));
      },
    },
    {
      method: "GET",
      path: /^\/console\/dashboard$/,
      async run(r) {
        const dashboard = await oversight.dashboard(r.session.personId);
        if (!dashboard) return sendHtml(r.res, 404, page({ title: "Dashboard", viewer: r.viewer }, empty("The dashboard is for the ethics officer and the Code's approvers.")));
        sendHtml(r.res, 200, page({ title: "Dashboard", viewer: r.viewer, section: "dashboard" }, dashboardPage(dashboard)));
      },
    },
  ];
}
