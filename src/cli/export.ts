// `conduct export <register>`: a dispatcher. Each register is its own module with `run(args)`;
// add one line here for a new one.
const registers: Record<string, () => Promise<{ run(args: string[]): Promise<number> }>> = {
  cases: () => import("./exportCases.ts"),
  approvals: () => import("./exportApprovals.ts"),
};

export async function run(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  const load = name ? registers[name] : undefined;
  if (!load) {
    console.error(`usage: conduct export <${Object.keys(registers).sort().join("|")}> [--format csv|json] [--out FILE]`);
    return 2;
  }
  return (await load()).run(rest);
}
