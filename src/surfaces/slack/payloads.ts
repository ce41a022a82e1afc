import { z } from "zod";

/**
 * The fields of Slack's payloads this surface relies on, validated before use. Everything else
 * in a payload is ignored; a payload without what we need is dropped (and answered 200 or 400),
 * never half-handled.
 */

const id = z.string().min(1).max(64);
const ts = z.string().regex(/^\d+\.\d+$/);

/** What the receiver accepts at all; anything else is answered 400 before Bolt sees it. */
// Bolt reads these when it builds a request's context; a malformed one must be a 400, not a crash.
const authorizations = z.array(z.object({ team_id: z.string().nullish(), user_id: z.string().nullish() }).passthrough()).optional();
const team = z.object({ id: z.string() }).passthrough().nullish();

export const envelopeSchema = z.union([
  z.object({ type: z.literal("url_verification"), challenge: z.string().min(1).max(500) }),
  z.object({ type: z.literal("event_callback"), event_id: id, event: z.object({ type: z.string().min(1) }).passthrough(), authorizations, team_id: z.string().optional(), enterprise_id: z.string().nullish() }).passthrough(),
  z.object({ type: z.literal("app_rate_limited") }).passthrough(),
  z.object({ command: z.string().startsWith("/"), user_id: id, channel_id: id }).passthrough(),
  z.object({ type: z.literal("block_actions"), team, user: z.object({ id }).passthrough(), actions: z.array(z.object({ action_id: z.string() }).passthrough()).min(1) }).passthrough(),
  z.object({ type: z.enum(["shortcut", "message_action"]), callback_id: z.string(), user: z.object({ id }).passthrough() }).passthrough(),
  z.object({ type: z.enum(["view_submission", "view_closed"]), view: z.object({ id: z.string() }).passthrough(), user: z.object({ id }).passthrough() }).passthrough(),
  z.object({ type: z.literal("block_suggestion"), action_id: z.string() }).passthrough(),
]);

/** The part of an Events API envelope the de-duplication needs. */
export const eventEnvelopeSchema = z.object({ event_id: id, event: z.object({ type: z.string() }).passthrough() });

/** A post's identity: a person's message (not an edit, a join or a bot's), by channel and ts. */
export const postIdentitySchema = z.object({
  type: z.enum(["message", "app_mention"]),
  channel: id,
  ts,
  subtype: z.undefined(),
  bot_id: z.undefined(),
});

/** A person's message: `message.im` or `app_mention`, without subtype (edits, joins, bots…). */
export const userMessageSchema = z.object({
  type: z.enum(["message", "app_mention"]),
  user: id,
  channel: id,
  ts,
  thread_ts: ts.optional(),
  // No length cap here: the body limit bounds it, and the core says what it does with long text.
  text: z.string().default(""),
  channel_type: z.string().optional(),
  subtype: z.undefined(),
  bot_id: z.undefined(),
});
export type UserMessage = z.infer<typeof userMessageSchema>;

export const slashCommandSchema = z.object({
  command: z.string(),
  text: z.string().default(""), // as for messages: the core answers long text
  user_id: id,
  channel_id: id,
  trigger_id: z.string().min(1),
});
export type SlashCommand = z.infer<typeof slashCommandSchema>;

export const blockActionSchema = z.object({
  user: z.object({ id }),
  trigger_id: z.string().min(1),
  container: z
    .object({
      channel_id: id.optional(),
      message_ts: ts.optional(),
      thread_ts: ts.optional(),
      is_ephemeral: z.boolean().optional(),
      /** Set when the button sits in a view (a modal, App Home). */
      view_id: z.string().max(100).optional().catch(undefined),
    })
    .default({}),
  /** The view the button sits in: "modal" or "home". */
  view: z.object({ id: z.string().max(100), type: z.string().max(20) }).passthrough().optional().catch(undefined), // only tells a modal's buttons apart
  channel: z.object({ id }).optional(),
  message: z.object({ ts, thread_ts: ts.optional(), blocks: z.array(z.object({ type: z.string() }).passthrough()).max(50).default([]) }).optional(),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().max(2000).default("") })).min(1),
});
export type BlockAction = z.infer<typeof blockActionSchema>;

export const shortcutSchema = z.object({ user: z.object({ id }), trigger_id: z.string().min(1), callback_id: z.string() });

export const homeOpenedSchema = z.object({ user: id, tab: z.string().optional() });

/** One input's state in a submitted modal (only the fields our inputs produce). */
const stateValueSchema = z
  .object({
    type: z.string(),
    value: z.string().nullish(), // the core's limits answer an over-long field next to it
    selected_option: z.object({ value: z.string().max(150) }).nullish(),
    selected_options: z.array(z.object({ value: z.string().max(150) })).nullish(),
    selected_users: z.array(id).max(100).nullish(),
    selected_user: id.nullish(),
    selected_date: z.string().max(10).nullish(),
  })
  .passthrough();
export type StateValue = z.infer<typeof stateValueSchema>;

/** A modal's submission: who, which view (its id is stable across re-deliveries), and the inputs. */
export const viewSubmissionSchema = z.object({
  user: z.object({ id }),
  view: z.object({
    id: z.string().min(1).max(64),
    callback_id: z.string(),
    private_metadata: z.string().max(3000).default(""),
    state: z.object({ values: z.record(z.record(stateValueSchema)) }).default({ values: {} }),
  }),
});
export type ViewSubmission = z.infer<typeof viewSubmissionSchema>;
