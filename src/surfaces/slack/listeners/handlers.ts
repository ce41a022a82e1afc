import type { AllMiddlewareArgs, BlockAction as BoltBlockAction, RespondFn, SlackActionMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { actionInteraction } from "../conversations.ts";
import { senderIn, type Sender } from "../sender.ts";
import type { Interaction, SlackDeps, WebClient } from "../deps.ts";
import { blockActionSchema, viewSubmissionSchema, type BlockAction, type ViewSubmission } from "../payloads.ts";

export type ActionArgs = SlackActionMiddlewareArgs<BoltBlockAction> & AllMiddlewareArgs;
export type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** Acknowledges at once (Slack waits 3 seconds), validates the payload, builds the interaction. */
export function withAction(deps: SlackDeps, handle: (interaction: Interaction, action: BlockAction, respond: RespondFn | undefined, me: Sender) => Promise<void>) {
  return async ({ ack, body, client, context, respond }: ActionArgs) => {
    await ack();
    const parsed = blockActionSchema.safeParse(body);
    if (!parsed.success) {
      deps.logger.warn({ action: body.actions?.[0]?.action_id }, "ignored a malformed button click");
      return;
    }
    const action = parsed.data;
    const interaction = actionInteraction(client, respond, {
      userId: action.user.id,
      triggerId: action.trigger_id,
      channelId: action.container.channel_id ?? action.channel?.id,
      threadTs: action.container.thread_ts ?? action.message?.thread_ts,
      ephemeral: action.container.is_ephemeral === true,
      sender: senderIn(context),
    });
    await handle(interaction, action, respond, interaction.sender);
  };
}

export type ViewAck = ViewArgs["ack"];

export interface Submission {
  submission: ViewSubmission;
  ack: ViewAck;
  client: WebClient;
  /** Set when Slack re-delivered the request (X-Slack-Retry-Num). */
  retryNum: number | undefined;
  /** The directory person who submitted it (identified once per request). */
  me: Sender;
}

/** Validates a modal submission; a malformed one is acknowledged (the modal closes) and dropped. */
export function withSubmission(deps: SlackDeps, handle: (s: Submission) => Promise<void>) {
  return async ({ ack, body, client, context }: ViewArgs) => {
    const parsed = viewSubmissionSchema.safeParse(body);
    if (!parsed.success) {
      deps.logger.warn({ callbackId: body.view?.callback_id }, "ignored a malformed modal submission");
      await ack();
      return;
    }
    await handle({ submission: parsed.data, ack, client, retryNum: typeof context.retryNum === "number" ? context.retryNum : undefined, me: senderIn(context) });
  };
}

/**
 * One-time work for a submission whose core call is not idempotent (filing a report, a case
 * message). A re-delivery (X-Slack-Retry-Num) of a view already claimed is a duplicate. A person's
 * own new submission of the same view (after field errors) always goes through, even if an earlier
 * attempt could not give its claim back.
 */
export async function claimSubmission(deps: Pick<SlackDeps, "events">, viewId: string, retryNum: number | undefined): Promise<{ duplicate: boolean; release(): Promise<void> }> {
  const key = `slack:view:${viewId}`;
  const claimed = await deps.events.claim([key]);
  return {
    duplicate: !claimed && retryNum !== undefined,
    release: () => deps.events.release(key).catch(() => {}),
  };
}
