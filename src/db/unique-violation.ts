import { Prisma } from "./generated/client.js";

const CONSTRAINT_NAME = /unique constraint "([^"]+)"/;

function messageOf(value: unknown): string | undefined {
  return typeof value === "object" && value !== null && "message" in value && typeof value.message === "string" ? value.message : undefined;
}

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null && key in value ? (value as Record<string, unknown>)[key] : undefined;
}

/**
 * The unique index (or constraint) a failed write ran into, when that is why it failed. The two
 * adapters say it differently: adapter-pg (PostgreSQL) as Prisma's P2002 with the driver's
 * message kept in `meta`, pglite-prisma-adapter 0.6 as the bare DriverAdapterError with
 * PostgreSQL's SQLSTATE 23505 in its cause.
 */
export function violatedUniqueIndex(error: unknown): string | undefined {
  let message: string | undefined;
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    message = String(field(field(field(error.meta, "driverAdapterError"), "cause"), "originalMessage") ?? error.message);
  } else if (error instanceof Error && error.name === "DriverAdapterError" && field(error.cause, "code") === "23505") {
    message = messageOf(error.cause);
  }
  return message?.match(CONSTRAINT_NAME)?.[1];
}
