import { TeamsAdapter } from "@microsoft/teams-ai";

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
 * botbuilder's CloudAdapter (as teams-ai's TeamsAdapter). With an app id every request must carry
 * a valid Bot Framework token and replies are authorised with the app's credentials; without one
 * authentication is disabled (local mode, for the Emulator and tests).
 */
export function createAdapter(credentials: TeamsCredentials): TeamsAdapter {
  if (!credentials.appId) return new TeamsAdapter({});
  return new TeamsAdapter({
    MicrosoftAppId: credentials.appId,
    MicrosoftAppPassword: credentials.appPassword,
    MicrosoftAppType: credentials.tenantId ? "SingleTenant" : "MultiTenant",
    ...(credentials.tenantId ? { MicrosoftAppTenantId: credentials.tenantId } : {}),
    ...(credentials.openIdMetadataUrl ? publicCloud(credentials.openIdMetadataUrl) : {}),
  });
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
