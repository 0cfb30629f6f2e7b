import type { Prisma } from "./generated/client.js";

/**
 * What repositories query through: the PrismaClient itself, or the client of one interactive
 * transaction. Both have the same model delegates, so one repository class serves both.
 */
export type Client = Prisma.TransactionClient;
