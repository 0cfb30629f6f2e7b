/** A Slack channel id (public C…, private G…), as opposed to a `#name`. */
export function isChannelId(value: string): boolean {
  return /^[CG][A-Z0-9]{2,}$/.test(value);
}

/** `#styregruppe` → `styregruppe`; an id stays as it is. */
export function channelName(named: string): string {
  return named.startsWith("#") ? named.slice(1) : named;
}

/**
 * The channel id a committee has after a new mandate version names `named`: an id is used as it
 * is; the same name as before keeps the id it resolved to; another name must be looked up again
 * (the old id is another channel's), so it has none until the bot connects.
 */
export function channelIdAfterImport(
  previous: { named: string | null; id: string | null } | undefined,
  named: string | null,
): string | null {
  if (named === null) return null;
  if (isChannelId(named)) return named;
  return previous && previous.named === named ? previous.id : null;
}
