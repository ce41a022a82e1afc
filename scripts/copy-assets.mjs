// After tsc: the files under src/ that are not code (the web console's stylesheet) go beside the
// compiled modules in dist/, where they are read from.
import { cpSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";

const ROOT = new URL("..", import.meta.url).pathname;
const ASSET = /\.css$/;

function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (ASSET.test(entry.name)) cpSync(path, join(ROOT, "dist", relative(join(ROOT, "src"), path)));
  }
}
walk(join(ROOT, "src"));
