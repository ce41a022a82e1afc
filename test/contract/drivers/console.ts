// The console surface (`conduct chat`) on the real app's cores: one chat session per person,
// each started with `/as <id>`, typed into line by line.
import { createAdvisor } from "../../../src/core/advice/index.ts";
import { manualClock } from "../../../src/core/clock.ts";
import { prismaReads } from "../../../src/store/consoleReads.ts";
import { createConsoleChat, type ConsoleChat, type ConsoleDeps } from "../../../src/surfaces/console/index.ts";
import { answerFeedback } from "../../../src/store/feedback.ts";
import { startTestApp, type TestApp } from "../../support/app.ts";
import type { Driver, Person, Surface } from "../driver.ts";

/** The console's dependencies over a running app: the same cores Slack and Teams use. */
export function consoleDepsOf(app: TestApp): ConsoleDeps {
  const services = { directory: app.directory, cases: app.cases, approvals: app.approvals, reads: prismaReads(app.db.prisma), feedback: answerFeedback(app.db.prisma) };
  return { advisor: createAdvisor(app.policy), asking: app.limits.asking, services: async () => services };
}

/** The example company on the real app, without Slack: what `conduct chat` runs on. */
export const startConsoleCompany = () => startTestApp({ DIRECTORY_FILE: "directory.example.yaml" }, { clock: manualClock("2026-03-02T09:00:00Z"), workerIntervalMs: 0 });

/** A person at the terminal: `type(line)` returns what the chat printed for it. */
export function terminal(deps: ConsoleDeps) {
  let said: string[] = [];
  const chat: ConsoleChat = createConsoleChat(deps, (text) => said.push(text));
  return {
    chat,
    async type(line: string): Promise<string> {
      said = [];
      await chat.handle(line);
      return said.join("\n");
    },
    /** Answers the open form's prompts by field name, then confirms its summary, until it is sent (or refused). */
    async fill(values: Record<string, string>): Promise<string> {
      let last = "";
      for (let turns = 0; chat.session.form && turns < 20; turns++) {
        const next = chat.session.form.queue[0];
        last = await this.type(next === undefined ? "yes" : (values[next] ?? ""));
      }
      return last;
    },
  };
}

export const consoleSurface: Surface = {
  name: "console",
  async start(): Promise<Driver> {
    const app = await startConsoleCompany();
    const deps = consoleDepsOf(app);
    const people = new Map<Person, ReturnType<typeof terminal>>();
    const as = async (person: Person) => {
      if (!people.has(person)) {
        people.set(person, terminal(deps));
        await people.get(person)!.type(`/as ${person}`);
      }
      return people.get(person)!;
    };
    return {
      privateUpdates: false, // a terminal, not an exportable chat
      ask: async (person, question) => (await as(person)).type(question),
      feedback: async (person, helpful) => (await as(person)).type(`/feedback ${helpful ? "up" : "down"}`),
      async requestApproval(person, fields) {
        const me = await as(person);
        const opened = await me.type("/request");
        if (!me.chat.session.form) return opened;
        return me.fill({ amount: String(fields.amount), currency: fields.currency, giver: fields.giver });
      },
      inbox: async (person) => (await as(person)).type("/inbox"),
      requests: async (person) => (await as(person)).type("/requests"),
      decide: async (person, reference, decision) =>
        (await as(person)).type(decision.action === "approve" ? `/approve ${reference}` : `/decline ${reference} ${decision.reason}`),
      delegate: async (person, delegation) =>
        (await as(person)).type(delegation === "stop" ? "/delegate stop" : `/delegate ${delegation.to}${delegation.until ? ` ${delegation.until}` : ""}`),
      async fileReport(person, report) {
        const me = await as(person);
        const opened = await me.type("/report");
        if (!me.chat.session.form) return opened;
        return me.fill({ what: report.what, category: report.category, mode: report.mode });
      },
      openCase: async (person, caseNumber) => (await as(person)).type(`/open ${caseNumber}`),
      replyToCase: async (person, caseNumber, text) => (await as(person)).type(`/reply ${caseNumber} ${text}`),
      acknowledge: async (person, caseNumber) => (await as(person)).type(`/ack ${caseNumber}`),
      closeCase: async (person, caseNumber, outcome) => (await as(person)).type(`/close ${caseNumber} ${outcome}`),
      close: () => app.close(),
    };
  },
};
