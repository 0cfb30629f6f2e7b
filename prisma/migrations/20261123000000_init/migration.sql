-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Visibility" AS ENUM ('public', 'members');

-- CreateEnum
CREATE TYPE "MemberRole" AS ENUM ('chair', 'vice_chair', 'member', 'secretariat', 'observer', 'deputy');

-- CreateEnum
CREATE TYPE "DeadlineSource" AS ENUM ('mandate_clause', 'obligation', 'manual');

-- CreateEnum
CREATE TYPE "DeadlineStatus" AS ENUM ('open', 'done', 'waived');

-- CreateTable
CREATE TABLE "Committee" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "visibility" "Visibility" NOT NULL,
    "slackChannel" TEXT,
    "names" JSONB NOT NULL,
    "shortName" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "plannedThrough" DATE,

    CONSTRAINT "Committee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MandateVersion" (
    "id" SERIAL NOT NULL,
    "committeeId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "sourceFile" TEXT NOT NULL,
    "importedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MandateVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Member" (
    "id" SERIAL NOT NULL,
    "committeeId" INTEGER NOT NULL,
    "seatId" TEXT NOT NULL,
    "role" "MemberRole" NOT NULL,
    "title" TEXT NOT NULL,
    "organisation" TEXT,
    "name" TEXT,
    "email" TEXT,
    "slackUserId" TEXT,

    CONSTRAINT "Member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Deadline" (
    "id" SERIAL NOT NULL,
    "committeeId" INTEGER NOT NULL,
    "sourceKey" TEXT,
    "source" "DeadlineSource" NOT NULL,
    "title" TEXT NOT NULL,
    "owner" JSONB NOT NULL,
    "recipient" TEXT,
    "clause" TEXT,
    "dueDate" DATE NOT NULL,
    "status" "DeadlineStatus" NOT NULL DEFAULT 'open',
    "resolvedAt" TIMESTAMP(3),
    "resolvedBy" TEXT,
    "waiveReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "createdBy" TEXT,

    CONSTRAINT "Deadline_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Committee_slug_key" ON "Committee"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "MandateVersion_committeeId_number_key" ON "MandateVersion"("committeeId", "number");

-- CreateIndex
CREATE INDEX "Member_slackUserId_idx" ON "Member"("slackUserId");

-- CreateIndex
CREATE INDEX "Member_email_idx" ON "Member"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Member_committeeId_seatId_key" ON "Member"("committeeId", "seatId");

-- CreateIndex
CREATE INDEX "Deadline_committeeId_dueDate_idx" ON "Deadline"("committeeId", "dueDate");

-- CreateIndex
CREATE UNIQUE INDEX "Deadline_committeeId_sourceKey_key" ON "Deadline"("committeeId", "sourceKey");

-- AddForeignKey
ALTER TABLE "MandateVersion" ADD CONSTRAINT "MandateVersion_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "Committee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "Committee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deadline" ADD CONSTRAINT "Deadline_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "Committee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

