import { OUTCOMES } from "../../core/cases/types.ts";
import type { CaseResult } from "../../core/cases/index.ts";
import { z } from "zod";
import { caseNumber, command, headAndRest, just, nothing, text } from "./command.ts";
import type { ConsoleServices } from "./deps.ts";
import { startForm } from "./form.ts";
import { caseListText, caseText, reporterCaseText } from "./render/case.ts";
import { reportForm } from "./reportForm.ts";

const handles = async (services: ConsoleServices, me: string, number: string) => (await services.cases.listForHandler(me)).some((c) => c.number === number);
const said = <T>(result: CaseResult<T>, ok: (value: T) => string) => (result.ok ? ok(result.value) : result.message);

export const report = command({
  usage: "/report",
  help: "report a concern, confidentially or anonymously (prompted fields)",
  args: nothing,
  asPerson: true,
  async run({ deps, session, say }, _args, me) {
    const { cases, directory } = await deps.services();
    const { form, text } = startForm(await reportForm(cases, directory, me));
    session.form = form;
    say(text);
  },
});

export const cases = command({
  usage: "/cases",
  help: "the cases you handle and the reports you filed",
  args: nothing,
  asPerson: true,
  async run({ deps, say }, _args, me) {
    const { cases } = await deps.services();
    say(caseListText(await cases.listForHandler(me), await cases.listForReporter(me)));
  },
});

export const open = command({
  usage: "/open <C-…>",
  help: "read a case: as its handler, or your own report",
  args: just(caseNumber),
  asPerson: true,
  async run({ deps, say }, number, me) {
    const services = await deps.services();
    if (await handles(services, me, number)) return say(said(await services.cases.view(me, number), caseText));
    say(said(await services.cases.viewAsReporter(me, number), reporterCaseText));
  },
});

export const reply = command({
  usage: "/reply <C-…> <text>",
  help: "write on a case: to the reporter if you handle it, to the handlers if you filed it",
  args: headAndRest({ head: caseNumber, rest: text("the message") }),
  asPerson: true,
  async run({ deps, say }, { head, rest }, me) {
    const services = await deps.services();
    if (await handles(services, me, head)) return say(said(await services.cases.messageReporter(me, head, rest), () => `Sent to the reporter of ${head}.`));
    say(said(await services.cases.messageHandlers(me, head, rest, "form"), () => `Sent to the handlers of ${head}.`));
  },
});

export const note = command({
  usage: "/note <C-…> <text>",
  help: "add an internal note the reporter never sees",
  args: headAndRest({ head: caseNumber, rest: text("the note") }),
  asPerson: true,
  async run({ deps, say }, { head, rest }, me) {
    say(said(await (await deps.services()).cases.addNote(me, head, rest), () => `Note added to ${head}.`));
  },
});

export const ack = command({
  usage: "/ack <C-…>",
  help: "acknowledge a case you handle (the reporter is told)",
  args: just(caseNumber),
  asPerson: true,
  async run({ deps, say }, number, me) {
    say(said(await (await deps.services()).cases.acknowledge(me, number), (v) => `${number} is ${v.status}.`));
  },
});

export const close = command({
  usage: "/close <C-…> <outcome>",
  help: `close a case you handle: ${OUTCOMES.join(", ")}`,
  args: headAndRest({ head: caseNumber, rest: z.enum(OUTCOMES, { errorMap: () => ({ message: `say how it ended: ${OUTCOMES.join(", ")}` }) }) }),
  asPerson: true,
  async run({ deps, say }, { head, rest }, me) {
    say(said(await (await deps.services()).cases.close(me, head, rest), (v) => `${head} is ${v.status} – ${rest}.`));
  },
});
