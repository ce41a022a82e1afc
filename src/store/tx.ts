import type { Prisma, PrismaClient } from "./generated/client.ts";

/** The client a function runs on: the root client, or a transaction's (PGlite: never mix the two). */
export type Db = PrismaClient | Prisma.TransactionClient;
export type Tx = Prisma.TransactionClient;
