import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { createAdvisor } from "../core/advice/index.ts";
import { lintRules } from "../core/policy/check.ts";
import { draftYaml } from "../core/policy/draft.ts";
import { loadPolicy } from "../core/policy/load.ts";
import { parsePolicy, PolicyParseError } from "../core/policy/parse.ts";
import { RulesError } from "../core/policy/rules.ts";
import { loadConfig } from "../config.ts";
import { UsageError } from "./usageError.ts";

export const usage = `usage: conduct rules draft CODE_FILE > rules.yaml      (a rules file for a new Code, ready to run and review)
       conduct rules check [CODE_FILE RULES_FILE]          (lint a rules file; default: POLICY_FILE, POLICY_RULES_FILE)`;

/** `conduct rules draft|check`: onboard another company's Code. */
export async function run(argv: string[]): Promise<number> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, strict: false });
  const [sub, ...files] = positionals;
  try {
    if (sub === "draft" && files.length === 1) {
      const file = files[0]!;
      process.stdout.write(draftYaml(parsePolicy(readFileSync(file, "utf8")), file));
      return 0;
    }
    if (sub === "check" && (files.length === 0 || files.length === 2)) {
      const config = files.length ? undefined : loadConfig();
      const [code, rules] = files.length ? [files[0]!, files[1]!] : [config!.POLICY_FILE, config!.POLICY_RULES_FILE];
      const policy = loadPolicy(code, rules);
      const findings = lintRules(policy, createAdvisor(policy));
      for (const f of findings) console.log(`${f.level}: ${f.message}`);
      const errors = findings.filter((f) => f.level === "error").length;
      console.log(`${rules}: ${policy.rules.topics.length} topics over ${policy.document.clauses.size} clauses; ${errors} errors, ${findings.length - errors} warnings`);
      return errors ? 1 : 0;
    }
  } catch (error) {
    if (error instanceof RulesError || error instanceof PolicyParseError) console.error(error.message);
    else if ((error as NodeJS.ErrnoException).code === "ENOENT") console.error(`${(error as NodeJS.ErrnoException).path}: no such file`);
    else throw error;
    return 1;
  }
  throw new UsageError(argv.length ? `unknown: ${argv.join(" ")}` : "say what to do: draft or check");
}
