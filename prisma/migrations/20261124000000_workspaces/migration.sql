-- Workspaces: committees belong to a Slack workspace, OAuth installations, channels by id.

-- DropIndex
DROP INDEX "Committee_slug_key";

-- AlterTable
ALTER TABLE "Committee" ADD COLUMN     "slackChannelId" TEXT,
ADD COLUMN     "workspaceId" TEXT NOT NULL DEFAULT 'local';

-- Committees stored before workspaces existed belong to "local" until a single-workspace bot adopts them
ALTER TABLE "Committee" ALTER COLUMN "workspaceId" DROP DEFAULT;

-- CreateTable
CREATE TABLE "Workspace" (
    "id" TEXT NOT NULL,
    "name" TEXT,
    "installedAt" TIMESTAMP(3) NOT NULL,
    "uninstalledAt" TIMESTAMP(3),

    CONSTRAINT "Workspace_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SlackInstallation" (
    "key" TEXT NOT NULL,
    "teamId" TEXT,
    "sealed" TEXT NOT NULL,
    "installedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SlackInstallation_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Committee_workspaceId_slug_key" ON "Committee"("workspaceId", "slug");

