import { webApi, type Authorize } from "@slack/bolt";
import { z } from "zod";

const authTestSchema = z.object({ user_id: z.string(), bot_id: z.string().optional(), team_id: z.string().optional() });

/**
 * One workspace, one bot token. Asks Slack who the bot is (auth.test) on the first event and
 * remembers it; a failure is retried on the next event instead of crashing at startup (Bolt's
 * own token option calls auth.test in its constructor and leaves a rejected promise behind).
 */
export function singleWorkspaceAuthorize(token: string, clientOptions: webApi.WebClientOptions): Authorize<boolean> {
  const client = new webApi.WebClient(token, clientOptions);
  let identity: Promise<{ botUserId: string; botId?: string; teamId?: string }> | undefined;
  return async () => {
    identity ??= client.auth.test().then(
      (result) => {
        const { user_id, bot_id, team_id } = authTestSchema.parse(result);
        return { botUserId: user_id, ...(bot_id ? { botId: bot_id } : {}), ...(team_id ? { teamId: team_id } : {}) };
      },
      (error: unknown) => {
        identity = undefined;
        throw error;
      },
    );
    return { botToken: token, ...(await identity) };
  };
}
