import { TeamsAdapter } from "@microsoft/teams-ai";
import type { ConversationParameters, ConversationReference, TurnContext } from "botbuilder";
import type { ServiceUrlCheck } from "./serviceHosts.ts";

export interface TeamsCredentials {
  appId?: string;
  appPassword?: string;
  /** Set for a single-tenant bot registration. */
  tenantId?: string;
  /**
   * Where the Bot Framework's token signing keys are published. Defaults to the public cloud's;
   * tests point it at a local key server to exercise the real validation offline.
   */
  openIdMetadataUrl?: string;
}

/**
 * The adapter's calls that start outside a turn (a stored conversation reference, a new 1:1
 * chat) go only to an allowed Bot Framework service: a reference is data, and data can be wrong.
 */
class GuardedAdapter extends TeamsAdapter {
  serviceUrlAllowed: ServiceUrlCheck = () => false;

  override continueConversationAsync(
    botAppIdOrClaimsIdentity: Parameters<TeamsAdapter["continueConversationAsync"]>[0],
    reference: Partial<ConversationReference>,
    logicOrAudience: ((context: TurnContext) => Promise<void>) | string,
    maybeLogic?: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    this.check(reference.serviceUrl);
    return super.continueConversationAsync(botAppIdOrClaimsIdentity, reference, logicOrAudience, maybeLogic);
  }

  override createConversationAsync(
    botAppId: string,
    channelId: string,
    serviceUrl: string,
    audience: string,
    parameters: ConversationParameters,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    this.check(serviceUrl);
    return super.createConversationAsync(botAppId, channelId, serviceUrl, audience, parameters, logic);
  }

  private check(serviceUrl: string | undefined): void {
    if (!serviceUrl || !this.serviceUrlAllowed(serviceUrl)) throw new ServiceUrlRefused();
  }
}

/** A call to a serviceUrl that is not an allowed Bot Framework service (TEAMS_SERVICE_HOSTS). */
export class ServiceUrlRefused extends Error {
  override name = "ServiceUrlRefused";
  constructor() {
    super("not an allowed Bot Framework service URL");
  }
}

/**
 * botbuilder's CloudAdapter (as teams-ai's TeamsAdapter). With an app id every request must carry
 * a valid Bot Framework token and replies are authorised with the app's credentials; without one
 * authentication is disabled (local mode, for the Agents Playground and tests). Either way the
 * calls it starts itself go only where `serviceUrlAllowed` says.
 */
export function createAdapter(credentials: TeamsCredentials, serviceUrlAllowed: ServiceUrlCheck): TeamsAdapter {
  const adapter = credentials.appId ? new GuardedAdapter(settings(credentials)) : new GuardedAdapter({});
  adapter.serviceUrlAllowed = serviceUrlAllowed;
  return adapter;
}

function settings(credentials: TeamsCredentials) {
  return {
    MicrosoftAppId: credentials.appId,
    MicrosoftAppPassword: credentials.appPassword,
    MicrosoftAppType: credentials.tenantId ? "SingleTenant" : "MultiTenant",
    ...(credentials.tenantId ? { MicrosoftAppTenantId: credentials.tenantId } : {}),
    ...(credentials.openIdMetadataUrl ? publicCloud(credentials.openIdMetadataUrl) : {}),
  };
}

/**
 * botbuilder uses its public-cloud defaults only when no endpoint is configured at all; setting
 * one means setting all of them. These are its defaults (AuthenticationConstants), with the
 * OpenID metadata URL replaced.
 */
function publicCloud(openIdMetadataUrl: string) {
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: "https://login.microsoftonline.com/botframework.com",
    ToChannelFromBotOAuthScope: "https://api.botframework.com",
    ToBotFromChannelTokenIssuer: "https://api.botframework.com",
    OAuthUrl: "https://api.botframework.com",
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration",
    CallerId: "urn:botframework:azure",
  };
}
