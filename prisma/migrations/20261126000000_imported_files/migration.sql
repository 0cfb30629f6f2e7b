-- The mandate file each committee's latest version came from, known by the sha256 of its bytes
-- (src/mandates/file-key.ts): a start skips a file it finds unchanged without parsing it.
-- Empty at first: the next start parses every file once, as before, and fills it.

-- CreateTable
CREATE TABLE "ImportedFile" (
    "key" TEXT NOT NULL,
    "committeeId" INTEGER NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,

    CONSTRAINT "ImportedFile_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "ImportedFile_committeeId_key" ON "ImportedFile"("committeeId");

-- AddForeignKey
ALTER TABLE "ImportedFile" ADD CONSTRAINT "ImportedFile_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "Committee"("id") ON DELETE CASCADE ON UPDATE CASCADE;
