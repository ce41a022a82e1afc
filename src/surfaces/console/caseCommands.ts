import { OUTCOMES } from "../../core/cases/types.ts";
import { fileReportInteraction } from "../../interactions/fileReport.ts";
import { listCases } from "../../interactions/caseLists.ts";
import { handlerCaseInteractions } from "../../interactions/handlerCase.ts";
import { replyText } from "../../interactions/reply.ts";
import { reporterCaseInteractions } from "../../interactions/reporterCase.ts";
import { z } from "zod";
import { caseNumber, command, headAndRest, just, nothing, text } from "./command.ts";
import type { ConsoleDeps, ConsoleServices } from "./deps.ts";
import { startForm } from "./form.ts";
import { caseListText, caseText, reporterCaseText } from "./render/case.ts";
import { reportForm } from "./reportForm.ts";

const handles = async (services: ConsoleServices, me: string, number: string) => (await services.cases.listForHandler(me)).some((c) => c.number === number);

/** Where an interaction's failure goes: its type, at debug level (the person is told in plain words). */
const consoleLogger = (deps: ConsoleDeps) => ({ error: (details: object, message: string) => deps.logger?.debug(details, message) });

/** The case actions every surface shares (src/interactions/), over the console's cores. */
async function caseActions(deps: ConsoleDeps) {
  const services = await deps.services();
  const logger = consoleLogger(deps);
  return { services, handler: handlerCaseInteractions(services.cases, logger), reporter: reporterCaseInteractions(services.cases, logger) };
}

export const report = command({
  usage: "/report",
  help: "report a concern, confidentially or anonymously (prompted fields)",
  args: nothing,
  asPerson: true,
  async run({ deps, session, say }, _args, _me, actor) {
    const { cases, directory } = await deps.services();
    const { form, text } = startForm(await reportForm(fileReportInteraction(cases, consoleLogger(deps)), directory, actor));
    session.form = form;
    say(text);
  },
});

export const cases = command({
  usage: "/cases",
  help: "the cases you handle and the reports you filed",
  args: nothing,
  asPerson: true,
  async run({ deps, say }, _args, _me, actor) {
    const { cases } = await deps.services();
    say(caseListText(await listCases(cases, actor)));
  },
});

export const open = command({
  usage: "/open <C-…>",
  help: "read a case: as its handler, or your own report",
  args: just(caseNumber),
  asPerson: true,
  async run({ deps, say }, number, me, actor) {
    const { services, handler, reporter } = await caseActions(deps);
    if (await handles(services, me, number)) {
      const shown = await handler.open(actor, number);
      return say(shown.kind === "case" ? caseText(shown.view) : replyText(shown));
    }
    const shown = await reporter.view(actor, number);
    say(shown.kind === "reporter_case" ? reporterCaseText(shown.view) : replyText(shown));
  },
});

export const reply = command({
  usage: "/reply <C-…> <text>",
  help: "write on a case: to the reporter if you handle it, to the handlers if you filed it",
  args: headAndRest({ head: caseNumber, rest: text("the message") }),
  asPerson: true,
  async run({ deps, say }, { head, rest }, me, actor) {
    const { services, handler, reporter } = await caseActions(deps);
    say(replyText(await ((await handles(services, me, head)) ? handler.messageReporter(actor, head, rest) : reporter.reply(actor, head, rest))));
  },
});

export const note = command({
  usage: "/note <C-…> <text>",
  help: "add an internal note the reporter never sees",
  args: headAndRest({ head: caseNumber, rest: text("the note") }),
  asPerson: true,
  async run({ deps, say }, { head, rest }, _me, actor) {
    say(replyText(await (await caseActions(deps)).handler.note(actor, head, rest)));
  },
});

export const ack = command({
  usage: "/ack <C-…>",
  help: "acknowledge a case you handle (the reporter is told)",
  args: just(caseNumber),
  asPerson: true,
  async run({ deps, say }, number, _me, actor) {
    say(replyText(await (await caseActions(deps)).handler.acknowledge(actor, number)));
  },
});

export const close = command({
  usage: "/close <C-…> <outcome>",
  help: `close a case you handle: ${OUTCOMES.join(", ")}`,
  args: headAndRest({ head: caseNumber, rest: z.enum(OUTCOMES, { errorMap: () => ({ message: `say how it ended: ${OUTCOMES.join(", ")}` }) }) }),
  asPerson: true,
  async run({ deps, say }, { head, rest }, _me, actor) {
    say(replyText(await (await caseActions(deps)).handler.close(actor, head, rest)));
  },
});
