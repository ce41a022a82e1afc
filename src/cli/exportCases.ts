import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../config.ts";
import { caseRegister, REGISTER_COLUMNS, type RegisterRow } from "../core/cases/export.ts";
import { openConfiguredDatabase } from "../compose.ts";
import { createCaseStore } from "../store/caseStore.ts";

export const usage = "usage: conduct export cases [--format csv|json] [--out FILE]";

/** `conduct export cases`: the case register for auditors (numbers, categories, dates, durations, outcomes; no identities, no content). */
export async function run(args: string[]): Promise<number> {
  let values: { format?: string; out?: string };
  try {
    ({ values } = parseArgs({ args, options: { format: { type: "string", default: "csv" }, out: { type: "string" } }, strict: true, allowPositionals: false }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  if (values.format !== "csv" && values.format !== "json") {
    console.error(`--format must be csv or json\n${usage}`);
    return 2;
  }
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  const db = await openConfiguredDatabase(config);
  try {
    const rows = await caseRegister(createCaseStore(db.prisma), new Date());
    const text = values.format === "json" ? JSON.stringify(rows, null, 2) + "\n" : toCsv(rows);
    if (values.out) {
      await writeFile(values.out, text);
      console.error(`wrote ${rows.length} case${rows.length === 1 ? "" : "s"} to ${values.out}`);
    } else {
      process.stdout.write(text);
    }
    return 0;
  } finally {
    await db.close();
  }
}

export function toCsv(rows: RegisterRow[]): string {
  const cell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [REGISTER_COLUMNS.join(","), ...rows.map((r) => REGISTER_COLUMNS.map((c) => cell(r[c])).join(","))].join("\n") + "\n";
}
