-- Lists as queries (issue 8): what a list needs to decide which rows to show is kept in columns,
-- so /frist and /mandat ask the database for one page instead of reading every committee's
-- mandate and every deadline row.

-- A deadline's closing day (src/domain/deadline.ts closesOn). Rows planned before this migration
-- get theirs when planning runs again: every committee is marked as not planned (below).
ALTER TABLE "Deadline" ADD COLUMN "closesOn" DATE;
CREATE INDEX "Deadline_dueDate_id_idx" ON "Deadline"("dueDate", "id");

-- Each version's visibility, from its content.
ALTER TABLE "MandateVersion" ADD COLUMN "visibility" "Visibility";
UPDATE "MandateVersion" SET "visibility" = CASE WHEN "content"->>'visibility' = 'public' THEN 'public'::"Visibility" ELSE 'members'::"Visibility" END;
ALTER TABLE "MandateVersion" ALTER COLUMN "visibility" SET NOT NULL;

-- Since when a public committee has been public without a break, where it was members-only
-- before (the same rule as publicSince in src/domain/access.ts, which the bot uses from now on):
-- the import time of the first version after its last members-only one.
ALTER TABLE "Committee" ADD COLUMN "publicSince" TIMESTAMP(3);
UPDATE "Committee" AS c
SET "publicSince" = (
  SELECT v."importedAt" FROM "MandateVersion" AS v
  WHERE v."committeeId" = c."id"
    AND v."number" > (SELECT max(m."number") FROM "MandateVersion" AS m WHERE m."committeeId" = c."id" AND m."visibility" = 'members')
  ORDER BY v."number" ASC
  LIMIT 1
)
WHERE c."visibility" = 'public';

-- Plan every committee again at the next start, which fills in "closesOn".
UPDATE "Committee" SET "plannedThrough" = NULL;
