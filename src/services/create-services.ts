import type { Logger } from "../logging/logger.js";
import { ChannelResolver } from "./channel-resolver.js";
import { CommitteeDirectory } from "./committee-directory.js";
import { DeadlinePlanner } from "./deadline-planner.js";
import { DeadlineService } from "./deadline-service.js";
import { MandateImporter } from "./mandate-importer.js";
import type { Notifier, Store } from "./ports.js";
import { RosterResolver } from "./roster-resolver.js";
import { WorkspaceService } from "./workspace-service.js";

export interface Services {
  directory: CommitteeDirectory;
  deadlines: DeadlineService;
  planner: DeadlinePlanner;
  importer: MandateImporter;
  workspaces: WorkspaceService;
}

/** Services that talk to Slack on their own; they need a Notifier, so only the bot has them. */
export interface SlackServices {
  rosters: RosterResolver;
  channels: ChannelResolver;
}

/** The services over one store, wired once by an entry point (the bot, the CLI, a test). */
export function createServices(store: Store, logger: Logger): Services {
  const directory = new CommitteeDirectory(store.committees, store.search);
  return {
    directory,
    deadlines: new DeadlineService(directory, store.deadlines),
    planner: new DeadlinePlanner(store, logger),
    importer: new MandateImporter(store),
    workspaces: new WorkspaceService(store, logger),
  };
}

export function createSlackServices(store: Store, notifier: Notifier, logger: Logger): SlackServices {
  return {
    rosters: new RosterResolver(store.roster, notifier, logger),
    channels: new ChannelResolver(store.channels, notifier, logger),
  };
}
