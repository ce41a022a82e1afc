import { existsSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { checkConfiguredFiles, loadConfig, POLICY_FILES } from "../config.ts";
import { createAdvisor, type Advisor } from "../core/advice/index.ts";
import { loadPolicy, type Policy } from "../core/policy/load.ts";

const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** The configured Code and rules (POLICY_FILE, POLICY_RULES_FILE); relative paths also work from outside the repo. */
export function loadConfiguredPolicy(): Policy {
  const config = loadConfig();
  checkConfiguredFiles(config, POLICY_FILES, locate);
  return loadPolicy(locate(config.POLICY_FILE), locate(config.POLICY_RULES_FILE));
}

export function configuredAdvisor(): Advisor {
  return createAdvisor(loadConfiguredPolicy());
}

function locate(file: string): string {
  if (isAbsolute(file) || existsSync(file)) return resolve(file);
  const shipped = resolve(PACKAGE_ROOT, file);
  return existsSync(shipped) ? shipped : resolve(file);
}
