// Data flows down the layers (README, Architecture): core never reaches the store, Prisma or a
// platform; surfaces never reach the store or Prisma. The files that still break the rule are listed
// below, so no new one can, and a file that stops breaking it must leave the list.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");

/** What each layer must not import: source folders (relative to the root) and package names. */
const FORBIDDEN = {
  "src/core": { folders: ["src/store", "src/surfaces", "src/cli"], packages: ["@prisma/", "pg", "@electric-sql/", "@slack/", "botbuilder", "@microsoft/"] },
  "src/surfaces": { folders: ["src/store"], packages: ["@prisma/", "pg", "@electric-sql/"] },
} as const;

// Files still allowed to break the rule (issue 17 paid the last of them off): keep it empty.
const KNOWN = new Set<string>([]);

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.(ts|mts|mjs)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Every module a file imports or re-exports, statically or with import(). */
function importsOf(text: string): string[] {
  return [...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)|^\s*import\s*["']([^"']+)["']/gm)].map(
    (m) => m[1] ?? m[2] ?? m[3]!,
  );
}

/** What `file` imports that its layer forbids, as root-relative paths or package names. */
function violations(file: string, rule: { folders: readonly string[]; packages: readonly string[] }, text = readFileSync(join(ROOT, file), "utf8")): string[] {
  return importsOf(text).filter((spec) => {
    if (spec.startsWith(".")) {
      const target = relative(ROOT, resolve(ROOT, dirname(file), spec));
      return rule.folders.some((folder) => target === folder || target.startsWith(`${folder}/`));
    }
    return rule.packages.some((p) => (p.endsWith("/") ? spec.startsWith(p) : spec === p || spec.startsWith(`${p}/`)));
  });
}

describe("layers", () => {
  for (const [layer, rule] of Object.entries(FORBIDDEN)) {
    it(`${layer} imports nothing its layer forbids, beyond the files still listed`, () => {
      const found = Object.fromEntries(
        sourceFiles(layer)
          .map((file) => [file, violations(file, rule)] as const)
          .filter(([file, bad]) => bad.length && !KNOWN.has(file)),
      );
      expect(found).toEqual({});
    });
  }

  it("lists only files that still break the rule", () => {
    const stillBreaking = [...KNOWN].filter((file) => {
      const layer = Object.keys(FORBIDDEN).find((l) => file.startsWith(`${l}/`)) as keyof typeof FORBIDDEN;
      try {
        return violations(file, FORBIDDEN[layer]).length > 0;
      } catch {
        return false; // deleted or moved
      }
    });
    expect(stillBreaking.sort()).toEqual([...KNOWN].sort());
  });

  it("catches every way of importing a forbidden module (the check itself can fail)", () => {
    const text = [
      'import { PrismaClient } from "../../store/generated/client.ts";',
      'import type { Database } from "../../store/db.ts";',
      'export { x } from "../../surfaces/slack/ids.ts";',
      'const pg = await import("pg");',
      'import "@slack/bolt";',
      'import { z } from "zod";',
      'import { clauseId } from "../policy/types.ts";',
    ].join("\n");
    expect(violations("src/core/cases/example.ts", FORBIDDEN["src/core"], text)).toEqual(["../../store/generated/client.ts", "../../store/db.ts", "../../surfaces/slack/ids.ts", "pg", "@slack/bolt"]);
  });
});
