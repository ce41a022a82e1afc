#!/usr/bin/env node
// Builds the Teams app package to upload (Teams admin center, or "Upload a custom app"):
// manifests/teams/manifest.json with its ${{VARIABLES}} filled in from the environment, plus
// color.png and outline.png, zipped flat. Usage:
//   MICROSOFT_APP_ID=<bot app id> BOT_DOMAIN=bot.example.com npm run package:teams [-- --out file.zip]
// Optional: TEAMS_APP_VERSION (default: package.json version), TEAMS_DEVELOPER_NAME,
// TEAMS_WEBSITE_URL, TEAMS_PRIVACY_URL, TEAMS_TERMS_URL (default: https://BOT_DOMAIN/).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateRawSync } from "node:zlib";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dir = join(root, "manifests", "teams");
const ICONS = { "color.png": 192, "outline.png": 32 };

function fail(problems) {
  console.error(`package:teams: cannot build the Teams package\n${problems.map((p) => `  ${p}`).join("\n")}`);
  process.exit(1);
}

function variables(env) {
  const problems = [];
  const appId = env.MICROSOFT_APP_ID?.trim() ?? "";
  const domain = env.BOT_DOMAIN?.trim() ?? "";
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(appId))
    problems.push("MICROSOFT_APP_ID: required, the bot's Microsoft app id (a GUID)");
  if (!/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i.test(domain))
    problems.push("BOT_DOMAIN: required, the public host name the bot is served from (no https://, no path), e.g. bot.example.com");
  const version = env.TEAMS_APP_VERSION?.trim() || JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version;
  if (!/^\d+\.\d+\.\d+$/.test(version)) problems.push(`TEAMS_APP_VERSION: must look like 1.2.3 (got "${version}")`);
  const site = `https://${domain}/`;
  const urls = {
    TEAMS_WEBSITE_URL: env.TEAMS_WEBSITE_URL?.trim() || site,
    TEAMS_PRIVACY_URL: env.TEAMS_PRIVACY_URL?.trim() || site,
    TEAMS_TERMS_URL: env.TEAMS_TERMS_URL?.trim() || site,
  };
  for (const [name, url] of Object.entries(urls)) if (!/^https:\/\/\S+$/.test(url)) problems.push(`${name}: must be an https:// URL`);
  if (problems.length) fail(problems);
  return {
    MICROSOFT_APP_ID: appId.toLowerCase(),
    BOT_DOMAIN: domain.toLowerCase(),
    TEAMS_APP_VERSION: version,
    TEAMS_DEVELOPER_NAME: env.TEAMS_DEVELOPER_NAME?.trim() || "Conduct bot",
    ...urls,
  };
}

/** Fills ${{NAME}} placeholders in the manifest's string values (JSON-escaped); any left over is an error. */
function fillManifest(template, vars) {
  const filled = template.replace(/\$\{\{([A-Z0-9_]+)\}\}/g, (whole, name) => (name in vars ? JSON.stringify(vars[name]).slice(1, -1) : whole));
  const left = [...new Set(filled.match(/\$\{\{[A-Z0-9_]+\}\}/g) ?? [])];
  if (left.length) fail([`manifest.json uses unknown variables: ${left.join(", ")}`]);
  return JSON.stringify(JSON.parse(filled), null, 2) + "\n";
}

function pngSize(buffer) {
  const signature = "89504e470d0a1a0a";
  if (buffer.subarray(0, 8).toString("hex") !== signature || buffer.subarray(12, 16).toString("ascii") !== "IHDR") return null;
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

// ---- a minimal zip writer (deflate, no directories, no zip64): all a Teams package needs ----
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(data) {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function dosTime(date) {
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    date: ((date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}
export function zip(files, now = new Date()) {
  const { time, date } = dosTime(now);
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of files) {
    const nameBytes = Buffer.from(name, "utf8");
    const compressed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, compressed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + compressed.length;
  }
  const centralDirectory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDirectory, end]);
}

function main() {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf("--out");
  const out = resolve(outIndex >= 0 && args[outIndex + 1] ? args[outIndex + 1] : join(root, "dist", "teams", "conduct-teams.zip"));
  const vars = variables(process.env);
  const manifest = fillManifest(readFileSync(join(dir, "manifest.json"), "utf8"), vars);
  const files = [{ name: "manifest.json", data: Buffer.from(manifest, "utf8") }];
  for (const [name, size] of Object.entries(ICONS)) {
    const data = readFileSync(join(dir, name));
    const found = pngSize(data);
    if (!found || found.width !== size || found.height !== size) fail([`${name}: must be a ${size}×${size} PNG`]);
    files.push({ name, data });
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, zip(files));
  console.log(`Teams app package: ${out} (app id ${vars.MICROSOFT_APP_ID}, version ${vars.TEAMS_APP_VERSION}, domain ${vars.BOT_DOMAIN})`);
}

if (resolve(process.argv[1] ?? "") === fileURLToPath(import.meta.url)) main();
