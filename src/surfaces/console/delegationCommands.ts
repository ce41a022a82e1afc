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
  async run({ deps, say }, { head, rest }, _me, actor) {
    const { approvals, directory } = await deps.services();
    const delegation = delegationInteractions(approvals, { error: (details, message) => deps.logger?.debug(details, message) });
    if (!head) return say(`${delegationLine((await delegation.show(actor)).current)}\n  ${USAGE}`);
    const stop = head.toLowerCase() === "stop";
    const chosen = stop ? null : await directory.get(head);
    const reply = await delegation.save(actor, { stop, ...(stop ? {} : { delegateId: chosen?.id ?? null }), ...(rest ? { until: rest } : {}) });
    say(reply.kind === "notice" ? reply.lines.join("\n") : Object.values(reply.errors).join(" "));
  },
});
