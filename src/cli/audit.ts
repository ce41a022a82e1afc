import { loadConfig } from "../config.ts";
import { loadAuditKeys } from "../core/crypto/auditKeys.ts";
import { auditHead, formatHead, parseHead, verifyAudit, type AuditProblem } from "../store/audit.ts";
import { openConfiguredDatabase } from "../compose.ts";
import { UsageError } from "./usageError.ts";

export const usage = `usage: conduct audit verify [--head <seq:mac>]  check the audit log; exit 1 if it was altered
       conduct audit head                      print the newest entry's number and MAC, to keep elsewhere
  With --head (a value \`audit head\` printed, or the bot logged), a log cut short after it shows too.`;

const EXPLAINED: Record<AuditProblem["problem"], string> = {
  edited: "edited",
  "missing before": "missing before",
  "broken link": "broken link",
  "MAC does not match": "MAC does not match (rewritten or re-chained without the audit key)",
  "unknown key": "sealed under a key that is not configured (AUDIT_KEY, REPORTS_ENCRYPTION_PREVIOUS_KEYS)",
  "not keyed": "it and every later entry carry no MAC: nothing vouches for them",
  truncated: "the kept head is gone: the log was cut short",
  "not the kept head": "not the entry the kept head names",
};

/** `conduct audit verify | head`: the audit log's integrity, as an auditor checks it. */
export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const head = rest[0] === "--head" && rest.length === 2 ? parseHead(rest[1]!) : undefined;
  const valid = (sub === "head" && !rest.length) || (sub === "verify" && (!rest.length || head));
  if (!valid) {
    if (rest[0] === "--head" && rest.length === 2) throw new UsageError("--head must be what `conduct audit head` printed: <seq>:<key id>:<64 hex digits>");
    throw new UsageError(args.length ? `unknown: ${args.join(" ")}` : "say what to do: verify or head");
  }
  const config = loadConfig();
  const db = await openConfiguredDatabase(config);
  try {
    const keys = loadAuditKeys(config, db.kind);
    if (sub === "head") {
      const newest = await auditHead(db.prisma);
      if (!newest?.mac) {
        console.error(newest ? `entry ${newest.seq} is not keyed: set AUDIT_KEY (or REPORTS_ENCRYPTION_KEY) and start the bot once` : "the audit log is empty");
        return 1;
      }
      console.log(formatHead({ seq: newest.seq, mac: newest.mac }));
      return 0;
    }
    const { entries, problems, macsChecked } = await verifyAudit(db.prisma, keys, head);
    console.log(`${entries} audit entries checked${head ? `, against the kept head ${head.seq}` : ""}`);
    for (const p of problems) console.log(`entry ${p.seq}: ${EXPLAINED[p.problem]}`);
    if (!macsChecked) console.log("MACs not checked: no audit key is configured (AUDIT_KEY or REPORTS_ENCRYPTION_KEY)");
    if (problems.length) {
      console.log(`${problems.length} problem${problems.length > 1 ? "s" : ""}: the audit log was altered`);
      return 1;
    }
    if (!macsChecked) return 1;
    console.log("no problems: the chain is intact");
    return 0;
  } finally {
    await db.close();
  }
}
