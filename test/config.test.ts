import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { ConfigError, configDocs, configKeys, loadConfig } from "../src/config.ts";

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("config", () => {
  it("has working defaults for an empty environment", () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATA_DIR).toBe("./data");
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.POLICY_FILE).toBe("policies/code-of-conduct.txt");
    expect(config.RETENTION_DAYS).toBe(1095);
  });

  it("reports every malformed variable at once, one line each, naming it", () => {
    const problems = problemsOf({ PORT: "eighty", DATABASE_URL: "mysql://x", SLACK_BOT_TOKEN: "abc", REPORTS_ENCRYPTION_KEY: "short" });
    expect(problems).toHaveLength(4);
    expect(problems[0]).toBe("PORT: must be a port number from 0 to 65535");
    expect(problems[1]).toBe("DATABASE_URL: must start with postgres:// or postgresql://");
    expect(problems[2]).toBe("SLACK_BOT_TOKEN: must be a bot token starting with xoxb-");
    expect(problems[3]).toBe("REPORTS_ENCRYPTION_KEY: must be 32 bytes in base64 (openssl rand -base64 32)");
  });

  it("requires the variables that go together", () => {
    expect(problemsOf({ SLACK_BOT_TOKEN: "xoxb-1" })).toEqual([
      "SLACK_BOT_TOKEN: SLACK_SIGNING_SECRET is required with it in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)",
    ]);
    expect(problemsOf({ MICROSOFT_APP_ID: "id" })).toEqual(["MICROSOFT_APP_PASSWORD: required when MICROSOFT_APP_ID is set"]);
  });

  it("treats empty values as unset, as in a copied .env.example", () => {
    expect(loadConfig({ DATABASE_URL: "", PORT: "", SLACK_BOT_TOKEN: "" }).PORT).toBe(3000);
    expect(loadConfig({ LOG_LEVEL: "", DATA_DIR: " ", POLICY_FILE: "", POLICY_RULES_FILE: "" })).toMatchObject({
      LOG_LEVEL: "info",
      DATA_DIR: "./data",
      POLICY_FILE: "policies/code-of-conduct.txt",
      POLICY_RULES_FILE: "policies/code-of-conduct.rules.yaml",
    });
  });

  it("explains the whole problem in the error message", () => {
    expect(() => loadConfig({ PORT: "-1" })).toThrow(/Invalid configuration:\n  PORT: /);
  });

  it("documents every variable in .env.example", () => {
    const example = readFileSync(new URL("../.env.example", import.meta.url), "utf8");
    const documented = [...example.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]);
    expect(documented).toEqual(configDocs.map(([name]) => name));
    expect([...configKeys].sort()).toEqual(configDocs.map(([name]) => name).sort());
  });
});
