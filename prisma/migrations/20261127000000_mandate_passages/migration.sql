-- Search reads an index instead of folding every mandate on every request: the passages of each
-- committee's current mandate version, folded as foldForSearch folds them, with a trigram index
-- so that `folded LIKE '%word%'` reads only the passages that can contain the word.
-- pg_trgm is a trusted extension (PostgreSQL 13 and later): the database's owner may create it.
-- PGlite loads it from @electric-sql/pglite/contrib/pg_trgm (src/db/connect.ts).
-- Versions stored before this migration get their passages when the bot or the CLI opens the
-- database (src/db/search-repository.ts, indexUnindexedCommittees): folding is TypeScript.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateTable
CREATE TABLE "MandatePassage" (
    "versionId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "committeeId" INTEGER NOT NULL,
    "section" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "folded" TEXT NOT NULL,

    CONSTRAINT "MandatePassage_pkey" PRIMARY KEY ("versionId","position")
);

-- CreateIndex
CREATE INDEX "MandatePassage_committeeId_idx" ON "MandatePassage"("committeeId");

-- CreateIndex
CREATE INDEX "MandatePassage_folded_idx" ON "MandatePassage" USING GIN ("folded" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "MandatePassage" ADD CONSTRAINT "MandatePassage_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "MandateVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MandatePassage" ADD CONSTRAINT "MandatePassage_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "Committee"("id") ON DELETE CASCADE ON UPDATE CASCADE;
