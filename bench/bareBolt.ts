// The baseline for `npm run bench:load`'s CPU per event: a Bolt app that verifies and acknowledges
// the same signed requests and does nothing else (no database, no answer). PORT=0 picks a port.
import { App, HTTPReceiver } from "@slack/bolt";

const receiver = new HTTPReceiver({ signingSecret: process.env.SLACK_SIGNING_SECRET ?? "", endpoints: "/slack/events" });
// Its Web API is the same fake Slack the bot gets: without one, Bolt's auth.test (before each
// event is acknowledged) goes to slack.com, and offline no event is acknowledged at all.
const app = new App({ token: process.env.SLACK_BOT_TOKEN, receiver, tokenVerificationEnabled: false, clientOptions: { slackApiUrl: process.env.SLACK_API_URL } });
app.message(async () => {});
app.view(/.*/, async ({ ack }) => ack());
const server = await receiver.start(Number(process.env.PORT ?? 0));
const address = server.address();
console.log(`listening on http://localhost:${typeof address === "object" && address ? address.port : 0}`);
process.on("SIGTERM", () => void receiver.stop().then(() => process.exit(0)));
