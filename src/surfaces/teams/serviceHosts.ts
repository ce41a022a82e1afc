/**
 * Which Bot Framework services the bot talks to. An activity's serviceUrl is where botbuilder
 * sends the replies (with the bot's token), so only the configured hosts are accepted, on entry
 * and before every proactive call; local mode talks only to a connector on this machine.
 */
export type ServiceUrlCheck = (serviceUrl: string) => boolean;

/** `hosts`: names, or ".name" for the name and its subdomains. HTTPS only, except to loopback (tests, Agents Playground). */
export function allowedServiceUrls(hosts: readonly string[]): ServiceUrlCheck {
  const names = hosts.map((h) => h.toLowerCase());
  return (serviceUrl) => {
    const url = parse(serviceUrl);
    if (!url) return false;
    const host = hostOf(url);
    if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopbackHost(host))) return false;
    return names.some((name) => (name.startsWith(".") ? host === name.slice(1) || host.endsWith(name) : host === name));
  };
}

/** Local mode: a connector on this machine only. */
export const loopbackServiceUrls: ServiceUrlCheck = (serviceUrl) => {
  const url = parse(serviceUrl);
  return url !== undefined && (url.protocol === "http:" || url.protocol === "https:") && isLoopbackHost(hostOf(url));
};

/** 127.0.0.0/8, ::1 and localhost; IPv4-mapped IPv6 as a socket reports it (::ffff:127.0.0.1) too. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^::ffff:/, "");
  return h === "localhost" || h === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

function parse(serviceUrl: string): URL | undefined {
  try {
    return new URL(serviceUrl);
  } catch {
    return undefined;
  }
}

const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
