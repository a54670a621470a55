// Reading states, the inbox's filters and their labels: one closed list shared by core, the CLI and the UI.

/** Where an article stands for its reader; starred is separate, so an archived article can stay starred. */
export const READING_STATES = ['unread', 'read', 'archived'] as const;
export type ReadingState = (typeof READING_STATES)[number];

/** What the inbox lists: `inbox` is everything not archived; the others are what they say. */
export const INBOX_FILTERS = ['inbox', 'unread', 'starred', 'archived', 'all'] as const;
export type InboxFilter = (typeof INBOX_FILTERS)[number];

export const INBOX_FILTER_LABELS: Record<InboxFilter, string> = {
  inbox: 'Inbox',
  unread: 'Unread',
  starred: 'Starred',
  archived: 'Archived',
  all: 'All',
};

/** The most articles one mark changes: each is a durable file write, so a bigger batch is a query's job. */
export const MAX_MARK_IDS = 5000;
