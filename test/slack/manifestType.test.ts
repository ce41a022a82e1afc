// manifests/slack/manifest.yaml checked against Slack's own manifest type (the `manifest` of
// apps.manifest.create in @slack/web-api): the compiler rejects an unknown key or a wrong type
// anywhere in it, as Slack's manifest validation would.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const ROOT = new URL("../..", import.meta.url).pathname;

/** The compiler's complaints about `manifest` as Slack's Manifest type (none = it fits). */
function typeErrors(manifest: unknown): string[] {
  // Inside the repository, so "@slack/web-api" resolves from its node_modules.
  const dir = mkdtempSync(join(ROOT, ".tmp-manifest-"));
  const file = join(dir, "manifest.ts");
  writeFileSync(
    file,
    `import type { AppsManifestCreateArguments } from "@slack/web-api";\n` +
      `export const manifest: AppsManifestCreateArguments["manifest"] = ${JSON.stringify(manifest, null, 2)};\n`,
  );
  try {
    const program = ts.createProgram([file], { strict: true, noEmit: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, skipLibCheck: true, types: [] });
    return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("manifests/slack/manifest.yaml against Slack's Manifest type", () => {
  const manifest = parse(readFileSync(join(ROOT, "manifests/slack/manifest.yaml"), "utf8"));

  it("has only keys Slack knows, with the types Slack expects", () => {
    expect(typeErrors(manifest)).toEqual([]);
  });

  it("would catch a key Slack does not know (the check can fail)", () => {
    const wrong = { ...manifest, settings: { ...manifest.settings, token_rotation_disabled: false } };
    expect(typeErrors(wrong).join("\n")).toContain("token_rotation_disabled");
  });
});
