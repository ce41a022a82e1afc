import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../config.ts";
import { registerCsv, registerJson } from "../core/approvals/registers.ts";
import { createApprovalService } from "../core/approvals/service.ts";
import { REGISTERS, type ApprovalStatus, type Register } from "../core/approvals/types.ts";
import { systemClock } from "../core/clock.ts";
import { createDirectoryQueries } from "../core/directory/queries.ts";
import { RulesError } from "../core/policy/rules.ts";
import { createApprovalStore } from "../store/approvals.ts";
import { auditKeysFrom } from "../core/crypto/auditKeys.ts";
import { loadKeyring } from "../core/crypto/loadKeyring.ts";
import { openConfiguredDatabase } from "../compose.ts";
import { createDirectoryRepository } from "../store/directoryRepo.ts";
import { loadConfiguredPolicy } from "./advisorFromConfig.ts";

const STATUSES: ApprovalStatus[] = ["pending", "info_requested", "approved", "declined", "withdrawn"];
export const usage = `usage: conduct export approvals [--register ${REGISTERS.join("|")}] [--status ${STATUSES.join("|")}] [--format csv|json] [--out FILE]`;

/** `conduct export approvals`: the approval registers (gifts, conflicts, outside roles, waivers) as CSV or JSON. */
export async function run(args: string[]): Promise<number> {
  let values: { register?: string; status?: string; format?: string; out?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: { register: { type: "string" }, status: { type: "string" }, format: { type: "string", default: "csv" }, out: { type: "string" } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  const problems = [
    values.register && !(REGISTERS as readonly string[]).includes(values.register) ? `--register must be one of ${REGISTERS.join(", ")}` : null,
    values.status && !(STATUSES as string[]).includes(values.status) ? `--status must be one of ${STATUSES.join(", ")}` : null,
    values.format !== "csv" && values.format !== "json" ? "--format must be csv or json" : null,
  ].filter((p): p is string => p !== null);
  if (problems.length) {
    console.error(`${problems.join("\n")}\n${usage}`);
    return 2;
  }

  try {
    const config = loadConfig();
    const policy = loadConfiguredPolicy();
    const db = await openConfiguredDatabase(config);
    try {
      const keyring = loadKeyring(config, db.kind, { warn: (_obj, msg) => console.error(`warning: ${msg}`) });
      const approvals = createApprovalService({
        store: createApprovalStore(db.prisma, systemClock, keyring, auditKeysFrom(config.AUDIT_KEY, keyring)),
        directory: createDirectoryQueries(createDirectoryRepository(db.prisma)),
        policy,
        clock: systemClock,
        config,
      });
      const entries = await approvals.register({ register: values.register as Register | undefined, status: values.status as ApprovalStatus | undefined });
      const text = values.format === "json" ? registerJson(entries) : registerCsv(entries);
      if (values.out) {
        await writeFile(values.out, text);
        console.error(`wrote ${entries.length} approval request${entries.length === 1 ? "" : "s"} to ${values.out}`);
      } else {
        process.stdout.write(text);
      }
    } finally {
      await db.close();
    }
    return 0;
  } catch (error) {
    if (error instanceof ConfigError || error instanceof RulesError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}
