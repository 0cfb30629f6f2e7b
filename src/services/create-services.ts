import type { CommandServices } from "../../commands/context.js";
import { CommitteeStore } from "../db/committee-store.js";
import { DeadlineStore } from "../db/deadline-store.js";
import type { PrismaClient } from "../db/generated/client.js";
import { CommitteeDirectory } from "./committee-directory.js";
import { DeadlineService } from "./deadline-service.js";
import { MandateImporter } from "./mandate-importer.js";

export interface Services extends CommandServices {
  committees: CommitteeStore;
  importer: MandateImporter;
}

/** The services over one database, wired once by an entry point (the bot, the CLI, a test). */
export function createServices(prisma: PrismaClient): Services {
  const committees = new CommitteeStore(prisma);
  const deadlineStore = new DeadlineStore(prisma);
  const directory = new CommitteeDirectory(committees);
  return {
    committees,
    directory,
    deadlines: new DeadlineService(directory, committees, deadlineStore),
    importer: new MandateImporter(committees, deadlineStore),
  };
}
