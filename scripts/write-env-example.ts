// Regenerates .env.example from the config schema's docs, so the two cannot disagree.
import { writeFileSync } from "node:fs";
import { configDocs } from "../src/config.ts";

const lines = ["# Copy to .env (or export) and fill in what you need. Empty = default.", ""];
for (const [name, fallback, meaning] of configDocs) lines.push(`# ${meaning} (default: ${fallback})`, `${name}=`, "");
writeFileSync(new URL("../.env.example", import.meta.url), lines.join("\n"));
