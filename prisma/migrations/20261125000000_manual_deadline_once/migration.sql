-- A deadline added by hand is stored once: one open hand-added deadline per committee, day and
-- title (compared by titleKey, the title in lower case). A retried request, a double submit or
-- two people at once meet this index, and the second is told the deadline already exists.

-- AlterTable
ALTER TABLE "Deadline" ADD COLUMN     "titleKey" TEXT;

-- Keys for the hand-added deadlines stored before this migration (the bot computes them from
-- now on). Where two open ones of a committee already share a day and title, only the first
-- (lowest id) gets a key: the others stay as they are, open and listed, and no row is changed
-- or removed beyond its key.
UPDATE "Deadline" AS d
SET "titleKey" = lower(d."title")
WHERE d."source" = 'manual'
  AND NOT (
    d."status" = 'open'
    AND EXISTS (
      SELECT 1 FROM "Deadline" AS e
      WHERE e."source" = 'manual' AND e."status" = 'open'
        AND e."committeeId" = d."committeeId" AND e."dueDate" = d."dueDate"
        AND lower(e."title") = lower(d."title") AND e."id" < d."id"
    )
  );

-- Partial: Prisma's schema cannot express it (prisma/schema.prisma says so at Deadline.titleKey).
CREATE UNIQUE INDEX "Deadline_open_manual_title_key" ON "Deadline"("committeeId", "dueDate", "titleKey")
WHERE "status" = 'open' AND "source" = 'manual';
