import type { RefusalReason } from "./enrol.ts";

/** What a person is told when their account is not taken as a directory person (nothing was done). */
export function refusalMessage(reason: RefusalReason, platform: "Slack" | "Teams"): string {
  switch (reason) {
    case "other_account_pinned":
      return `The company directory lists another ${platform} account for your email address, so I can't act for this one. If this account is yours, ask HR to update the directory.`;
    case "other_organisation":
      return `Your ${platform} account belongs to another organisation, and this bot serves only its own. Nothing was done.`;
    case "guest":
      return `Guest accounts can't use this bot. If you work for the company, ask your ${platform} admin for a full account.`;
    case "deactivated":
      return `This ${platform} account is deactivated, so I can't act for it.`;
  }
}
