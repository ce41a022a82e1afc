// The Teams app package: the manifest template, the icons, and `npm run package:teams`.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32, inflateRawSync, inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";

const root = new URL("../..", import.meta.url).pathname;
const dir = join(root, "manifests", "teams");
const template = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));

/** Width, height and RGBA pixels of a non-interlaced 8-bit RGBA PNG (what the icons are). */
function readPng(buffer: Buffer) {
  expect(buffer.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  let pos = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (pos < buffer.length) {
    const length = buffer.readUInt32BE(pos);
    const type = buffer.subarray(pos + 4, pos + 8).toString("ascii");
    const data = buffer.subarray(pos + 8, pos + 8 + length);
    expect(buffer.readUInt32BE(pos + 8 + length), `${type} crc`).toBe(crc32(buffer.subarray(pos + 4, pos + 8 + length)));
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([data[8], data[9], data[12]]).toEqual([8, 6, 0]); // 8-bit RGBA, not interlaced
    }
    if (type === "IDAT") idat.push(data);
    pos += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const pixels: number[][] = [];
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width * 4 + 1)]).toBe(0); // filter "none"
    for (let x = 0; x < width; x++) {
      const o = y * (width * 4 + 1) + 1 + x * 4;
      pixels.push([raw[o]!, raw[o + 1]!, raw[o + 2]!, raw[o + 3]!]);
    }
  }
  return { width, height, pixels };
}

/** The entries of a zip file, read from its central directory and checked against their CRCs. */
function readZip(buffer: Buffer): Map<string, Buffer> {
  const eocd = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(eocd).toBeGreaterThan(0);
  const count = buffer.readUInt16LE(eocd + 10);
  let pos = buffer.readUInt32LE(eocd + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(buffer.readUInt32LE(pos)).toBe(0x02014b50);
    const method = buffer.readUInt16LE(pos + 10);
    const crc = buffer.readUInt32LE(pos + 16);
    const size = buffer.readUInt32LE(pos + 20);
    const nameLength = buffer.readUInt16LE(pos + 28);
    const extra = buffer.readUInt16LE(pos + 30) + buffer.readUInt16LE(pos + 32);
    const local = buffer.readUInt32LE(pos + 42);
    const name = buffer.subarray(pos + 46, pos + 46 + nameLength).toString("utf8");
    expect(buffer.readUInt32LE(local)).toBe(0x04034b50);
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const stored = buffer.subarray(start, start + size);
    const data = method === 8 ? inflateRawSync(stored) : stored;
    expect(crc32(data), name).toBe(crc);
    entries.set(name, data);
    pos += 46 + nameLength + extra;
  }
  return entries;
}

function packageTeams(env: Record<string, string>, out: string) {
  return spawnSync(process.execPath, ["scripts/package-teams.mjs", "--out", out], { cwd: root, env: { PATH: process.env.PATH, ...env }, encoding: "utf8" });
}

describe("Teams app manifest", () => {
  it("declares the bot in personal, team and group chat with its commands (delegate and console only in the personal chat)", () => {
    expect(Number(template.manifestVersion)).toBeGreaterThanOrEqual(1.17);
    expect(template.$schema).toContain(`/v${template.manifestVersion}/MicrosoftTeams.schema.json`);
    const [bot] = template.bots;
    expect(template.bots).toHaveLength(1);
    expect(bot.botId).toBe("${{MICROSOFT_APP_ID}}");
    expect(template.id).toBe("${{MICROSOFT_APP_ID}}");
    expect([...bot.scopes].sort()).toEqual(["groupChat", "personal", "team"]);
    const titles = (list: { commands: Array<{ title: string }> }) => list.commands.map((c) => c.title);
    expect(titles(bot.commandLists.find((l: { scopes: string[] }) => l.scopes.includes("personal")))).toEqual(["ask", "report", "requests", "delegate", "console"]);
    expect(titles(bot.commandLists.find((l: { scopes: string[] }) => !l.scopes.includes("personal")))).toEqual(["ask", "report", "requests"]);
    for (const list of bot.commandLists) {
      for (const c of list.commands) {
        expect(c.title.length).toBeLessThanOrEqual(32);
        expect(c.description.length).toBeLessThanOrEqual(128);
      }
    }
    expect(bot.commandLists.flatMap((l: { scopes: string[] }) => l.scopes).sort()).toEqual(["groupChat", "personal", "team"]);
    expect(template.validDomains).toEqual(["${{BOT_DOMAIN}}"]);
    expect(template.name.short.length).toBeLessThanOrEqual(30);
    expect(template.description.short.length).toBeLessThanOrEqual(80);
    expect(template.description.full.length).toBeLessThanOrEqual(4000);
    expect(template.accentColor).toMatch(/^#[0-9A-F]{6}$/i);
    expect(template.icons).toEqual({ color: "color.png", outline: "outline.png" });
  });

  it("has a 192×192 colour icon and a 32×32 outline icon that is white on transparent", () => {
    const color = readPng(readFileSync(join(dir, "color.png")));
    expect([color.width, color.height]).toEqual([192, 192]);
    expect(new Set(color.pixels.map((p) => p.join(","))).size).toBeGreaterThan(2); // a picture, not a blank
    const outline = readPng(readFileSync(join(dir, "outline.png")));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    expect(outline.pixels.every(([r, g, b, a]) => a === 0 || (r === 255 && g === 255 && b === 255))).toBe(true);
    expect(outline.pixels.some(([, , , a]) => a === 255)).toBe(true);
    expect(outline.pixels.some(([, , , a]) => a === 0)).toBe(true);
  });
});

describe("npm run package:teams", () => {
  it("zips the filled-in manifest and both icons, flat, ready to upload", () => {
    const out = join(mkdtempSync(join(tmpdir(), "teams-pkg-")), "conduct.zip");
    const run = packageTeams({ MICROSOFT_APP_ID: "0000AAAA-0000-4000-8000-00000000C0DE", BOT_DOMAIN: "conduct.example.com", TEAMS_APP_VERSION: "1.2.3" }, out);
    expect(run.status, run.stderr).toBe(0);
    const entries = readZip(readFileSync(out));
    expect([...entries.keys()]).toEqual(["manifest.json", "color.png", "outline.png"]);
    const manifest = JSON.parse(entries.get("manifest.json")!.toString("utf8"));
    expect(manifest.id).toBe("0000aaaa-0000-4000-8000-00000000c0de");
    expect(manifest.bots[0].botId).toBe(manifest.id);
    expect(manifest.version).toBe("1.2.3");
    expect(manifest.validDomains).toEqual(["conduct.example.com"]);
    expect(manifest.developer.privacyUrl).toBe("https://conduct.example.com/");
    expect(JSON.stringify(manifest)).not.toContain("${{");
    expect(entries.get("color.png")!.equals(readFileSync(join(dir, "color.png")))).toBe(true);
    expect(entries.get("outline.png")!.equals(readFileSync(join(dir, "outline.png")))).toBe(true);
    const unzip = spawnSync("unzip", ["-tq", out], { encoding: "utf8" });
    if (!unzip.error) expect(unzip.status, unzip.stdout + unzip.stderr).toBe(0);
  });

  it("refuses to build without the app id and domain, naming each", () => {
    const out = join(mkdtempSync(join(tmpdir(), "teams-pkg-")), "conduct.zip");
    const run = packageTeams({ BOT_DOMAIN: "https://conduct.example.com/api" }, out);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("MICROSOFT_APP_ID: required");
    expect(run.stderr).toContain("BOT_DOMAIN: required");
  });
});
