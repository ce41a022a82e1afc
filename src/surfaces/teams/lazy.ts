// Teams without credentials (local mode, for the Emulator and tests) is rarely used in production,
// and botbuilder with teams-ai costs some 110 MB of memory once loaded: in local mode the surface
// loads on its first request, or when a notification goes to someone who has talked to the bot on
// Teams. Nothing here imports botbuilder.
import type { Person } from "../../core/directory/types.ts";
import type { Logger } from "../../log.ts";
import type { RouteHandler } from "../../server.ts";
import type { OutboxMessage } from "../../core/notifications/outbox.ts";
import type { NotificationChannel } from "../../worker.ts";
import type { TeamsOptions, TeamsSurface } from "./index.ts";

/** What createTeamsSurface logs in local mode, said at startup even when the surface loads later. */
export const LOCAL_MODE_WARNING =
  "Teams: LOCAL MODE (TEAMS_LOCAL_MODE=true) – POST /api/messages accepts activities WITHOUT authentication, " +
  "but only from this machine (a loopback socket address, no proxy) and replies only to a loopback serviceUrl. " +
  "For the Agents Playground and tests; never expose it. Set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD to connect to Teams.";

export async function loadTeamsSurface(options: TeamsOptions): Promise<TeamsSurface> {
  const { createTeamsSurface } = await import("./index.ts");
  return createTeamsSurface(options);
}

/** The Teams endpoint and delivery channel, loading the surface the first time either is needed. */
export function lazyTeamsSurface(options: TeamsOptions & { logger: Logger }): { handle: RouteHandler; notifications: NotificationChannel } {
  let loaded: Promise<TeamsSurface> | undefined;
  const surface = () => (loaded ??= loadTeamsSurface({ ...options, localModeWarned: true }));
  return {
    handle: async (req, res) => (await surface()).handle(req, res),
    notifications: {
      name: "teams",
      // Only someone with a stored Teams conversation can be reached; asking costs no botbuilder.
      async canReach(person: Person) {
        if (!person.teamsId) return false;
        if ((await options.data.conversations.load(person.teamsId)) === null) return false;
        return (await surface()).notifications!.canReach(person);
      },
      async send(person: Person, message: OutboxMessage) {
        return (await surface()).notifications!.send(person, message);
      },
      async afterPass() {
        if (loaded) await (await loaded).notifications?.afterPass?.();
      },
    },
  };
}
