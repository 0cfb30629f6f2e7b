import { CalendarDate } from "../domain/calendar-date.js";
import type { Prisma } from "./generated/client.js";

/** A calendar date as Prisma's `@db.Date` wants it: midnight UTC of that day. */
export function toDate(date: CalendarDate): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

/** The calendar date of a `@db.Date` column (read back as midnight UTC). */
export function toCalendarDate(value: Date): CalendarDate {
  return CalendarDate.parse(value.toISOString().slice(0, 10));
}

/** Plain data (parsed by zod, so JSON-safe) for a Json column; drops undefined fields. */
export function toJson(value: object): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}
