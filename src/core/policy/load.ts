import { readFileSync } from "node:fs";
import { CORE_SCHEMA, load as parseYaml } from "js-yaml";
import { fillFromText } from "./fill.ts";
import { parsePolicy } from "./parse.ts";
import { RulesError, validateRules, type PolicyRules } from "./rules.ts";
import type { PolicyDocument } from "./types.ts";

export interface Policy {
  document: PolicyDocument;
  rules: PolicyRules;
}

/**
 * Loads a company's Code and its reviewed rules file; any mismatch is a startup error. Topics given
 * only the required fields are found by their clause's own words (fill.ts).
 */
export function loadPolicy(documentFile: string, rulesFile: string): Policy {
  const document = parsePolicy(readFileSync(documentFile, "utf8"));
  let raw: unknown;
  try {
    // js-yaml, not yaml (which draft.ts and the directory use for comments and line numbers): every
    // start reads this file, and yaml took 500 ms of CPU on the shipped 100 KB rules to js-yaml's 60.
    // CORE_SCHEMA is YAML 1.2's, as yaml's parse (no dates or merge keys).
    raw = parseYaml(readFileSync(rulesFile, "utf8"), { schema: CORE_SCHEMA });
  } catch (error) {
    throw new RulesError(rulesFile, [`not valid YAML: ${(error as Error).message.split("\n")[0]}`]);
  }
  return { document, rules: fillFromText(document, validateRules(raw, document, rulesFile)) };
}
