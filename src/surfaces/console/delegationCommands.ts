import { z } from "zod";
import { delegationInteractions, delegationLine } from "../../interactions/delegation.ts";
import { command, headAndRest } from "./command.ts";

const USAGE = "/delegate <person id> [YYYY-MM-DD] · /delegate stop";

/** `/delegate`: who decides your approvals while you are away (src/interactions/delegation.ts). */
export const delegate = command({
  usage: "/delegate [<id> [YYYY-MM-DD] | stop]",
  help: "let someone decide your approvals while you are away, until the end of a day or until you stop it",
  args: headAndRest({ head: z.string(), rest: z.string() }),
  asPerson: true,
  async run({ deps, say }, { head, rest }, me) {
    const { approvals, directory } = await deps.services();
    const person = await directory.get(me);
    if (!person) return say(`No one with the id ${me} is in the directory.`);
    const delegation = delegationInteractions(approvals, { error: (details, message) => deps.logger?.debug(details, message) });
    if (!head) return say(`${delegationLine((await delegation.show({ person })).current)}\n  ${USAGE}`);
    const stop = head.toLowerCase() === "stop";
    const chosen = stop ? null : await directory.get(head);
    const reply = await delegation.save({ person }, { stop, ...(stop ? {} : { delegateId: chosen?.id ?? null }), ...(rest ? { until: rest } : {}) });
    say(reply.kind === "notice" ? reply.lines.join("\n") : Object.values(reply.errors).join(" "));
  },
});
