import type { Reply } from "../../../commands/reply.js";
import { errorText } from "../error-text.js";
import { committeeListMessage } from "./committee-list.js";
import { deadlineChangedMessage, deadlineListMessage } from "./deadline-list.js";
import { helpMessage } from "./help.js";
import { mandateMessage } from "./mandate-view.js";
import { mrkdwnSection, type SlackMessage } from "./message.js";
import { searchResultsMessage } from "./search-results.js";

/** Any command reply as a Slack message. */
export function replyMessage(reply: Reply): SlackMessage {
  switch (reply.kind) {
    case "committees":
      return committeeListMessage(reply);
    case "mandate":
      return mandateMessage(reply);
    case "search":
      return searchResultsMessage(reply);
    case "deadlines":
      return deadlineListMessage(reply);
    case "deadline-changed":
      return deadlineChangedMessage(reply);
    case "help":
      return helpMessage(reply);
    case "error": {
      const text = errorText(reply.error, reply.language);
      return { text, blocks: [mrkdwnSection(`:warning: ${text}`)] };
    }
  }
}
