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
    const tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    expect(problemsOf({ MICROSOFT_APP_ID: "id", MICROSOFT_APP_TENANT_ID: tenant })).toEqual(["MICROSOFT_APP_PASSWORD: required when MICROSOFT_APP_ID is set"]);
    // A bot any tenant could reach is refused: name yours (or the ones served).
    expect(problemsOf({ MICROSOFT_APP_ID: "id", MICROSOFT_APP_PASSWORD: "p" })).toEqual([
      "MICROSOFT_APP_TENANT_ID: required when MICROSOFT_APP_ID is set (or list the tenants in MICROSOFT_ALLOWED_TENANTS), so only your organisation can reach the bot",
    ]);
    expect(problemsOf({ MICROSOFT_APP_ID: "id", MICROSOFT_APP_PASSWORD: "p", MICROSOFT_ALLOWED_TENANTS: `${tenant}, ${tenant.replace("7", "8")}` })).toEqual([]);
    expect(problemsOf({ MICROSOFT_APP_ID: "id", MICROSOFT_APP_PASSWORD: "p", MICROSOFT_APP_TENANT_ID: tenant, TEAMS_LOCAL_MODE: "true" })).toEqual([
      "TEAMS_LOCAL_MODE: cannot be true when MICROSOFT_APP_ID is set (local mode is unauthenticated)",
    ]);
  });

  it("reads flags and lists of the security settings", () => {
    expect(loadConfig({}).TEAMS_LOCAL_MODE).toBe(false);
    expect(loadConfig({ TEAMS_LOCAL_MODE: "TRUE" }).TEAMS_LOCAL_MODE).toBe(true);
    expect(problemsOf({ TEAMS_LOCAL_MODE: "yes" })).toEqual(["TEAMS_LOCAL_MODE: must be true or false"]);
    expect(loadConfig({}).TEAMS_SERVICE_HOSTS).toContain("smba.trafficmanager.net");
    expect(loadConfig({ TEAMS_SERVICE_HOSTS: "smba.trafficmanager.net, 127.0.0.1" }).TEAMS_SERVICE_HOSTS).toEqual(["smba.trafficmanager.net", "127.0.0.1"]);
    expect(problemsOf({ TEAMS_SERVICE_HOSTS: "https://evil.example/" })[0]).toMatch(/^TEAMS_SERVICE_HOSTS: must be host names/);
    expect(loadConfig({ SLACK_ALLOWED_TEAMS: "T0PARTNER,E0ORG" }).SLACK_ALLOWED_TEAMS).toEqual(["T0PARTNER", "E0ORG"]);
    expect(problemsOf({ MICROSOFT_ALLOWED_TENANTS: "contoso" })[0]).toMatch(/^MICROSOFT_ALLOWED_TENANTS: must be tenant ids/);
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
