import type { CaseService } from "../../../core/cases/index.ts";
import { undeliveredLine } from "../cards/messages.ts";
import type { TeamsCores } from "../cores.ts";
import type { Interaction } from "../deps.ts";

/**
 * Teams has no App Home: the welcome card (`help`) is where the ethics officer sees how many
 * messages are undelivered, as Slack's App Home shows it. The cases core decides who may see it.
 */
export function deliveriesFlow(cores: TeamsCores & { cases: CaseService }) {
  return async (interaction: Interaction): Promise<string | null> => {
    const me = await interaction.sender();
    if (!me.person) return null;
    const count = await cores.cases.undeliveredCount(me.person.id);
    return count === null ? null : undeliveredLine(count);
  };
}
