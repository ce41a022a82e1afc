import { createServer, type AddressInfo } from "node:net";

/** A port nothing listens on now, for a child process that must be told its PORT (a random pick can collide with another test's). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((listening) => server.listen(0, listening));
  const { port } = server.address() as AddressInfo;
  await new Promise((closed) => server.close(closed));
  return port;
}
