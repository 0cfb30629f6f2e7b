import type { Installation, InstallationQuery, InstallationStore } from "@slack/bolt";
import { z } from "zod";
import type { WorkspaceId } from "../domain/workspace.js";
import type { SecretBox } from "../security/secret-box.js";
import type { InstallationRepository } from "../services/ports.js";

/** What the bot relies on in a stored installation; the rest is kept as Slack gave it. */
const StoredInstallation = z.looseObject({
  team: z.looseObject({ id: z.string(), name: z.string().optional() }).optional(),
  enterprise: z.looseObject({ id: z.string() }).optional(),
  isEnterpriseInstall: z.boolean().optional(),
  bot: z.looseObject({ token: z.string(), userId: z.string(), id: z.string() }).optional(),
});

function keyOf(query: {
  isEnterpriseInstall?: boolean | undefined;
  enterpriseId?: string | undefined;
  teamId?: string | undefined;
}): string {
  if (query.isEnterpriseInstall && query.enterpriseId) return `enterprise:${query.enterpriseId}`;
  if (query.teamId) return `team:${query.teamId}`;
  throw new Error("an installation query names neither a workspace nor an enterprise");
}

export interface InstallationEvents {
  /** A workspace installed the app (or installed it again). */
  installed(workspace: { id: WorkspaceId; name: string | null }): Promise<void>;
}

/**
 * Bolt's installation store over our database: each installation is stored whole, sealed with
 * TOKEN_ENCRYPTION_KEY, so a copy of the database holds no usable token.
 */
export function databaseInstallationStore(
  installations: InstallationRepository,
  box: SecretBox,
  events: InstallationEvents,
  clock: () => Date,
): InstallationStore {
  return {
    async storeInstallation(installation) {
      const isEnterpriseInstall = installation.isEnterpriseInstall === true;
      const key = keyOf({ isEnterpriseInstall, enterpriseId: installation.enterprise?.id, teamId: installation.team?.id });
      const teamId = installation.team?.id ?? null;
      await installations.save(key, teamId, box.seal(JSON.stringify(installation)), clock());
      if (teamId) await events.installed({ id: teamId, name: installation.team?.name ?? null });
    },
    async fetchInstallation(query) {
      const key = keyOf(query);
      const sealed = await installations.find(key);
      if (!sealed) throw new Error(`no installation for ${key}`);
      const parsed = StoredInstallation.parse(JSON.parse(box.open(sealed)));
      // Validated above for what the bot uses; the remaining fields are Slack's own, stored as given.
      return parsed as unknown as Installation<"v1" | "v2", boolean>;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await installations.delete(keyOf(query));
    },
  };
}

/**
 * Whether the workspace's installation was saved after `at`: an uninstall event from before it
 * (a retry Slack delivers late, after the app was installed again) must not undo that install.
 */
export async function installedAfter(installations: InstallationRepository, teamId: WorkspaceId, at: Date): Promise<boolean> {
  const saved = await installations.savedAt(keyOf({ teamId }));
  return saved !== undefined && saved.getTime() > at.getTime();
}
