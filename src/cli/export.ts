// `conduct export <register>`: a dispatcher. Each register is its own module with `usage` and
// `run(args)`; add one line here for a new one.
import { UsageError } from "./usageError.ts";
import * as approvals from "./exportApprovals.ts";
import * as cases from "./exportCases.ts";

const registers: Record<string, { usage: string; run(args: string[]): Promise<number> }> = { cases, approvals };

export const usage = Object.values(registers)
  .map((r) => r.usage)
  .join("\n");

export async function run(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  const register = name ? registers[name] : undefined;
  if (!register) throw new UsageError(name ? `there is no register "${name}"` : `say which register: ${Object.keys(registers).join(" or ")}`);
  return register.run(rest);
}
