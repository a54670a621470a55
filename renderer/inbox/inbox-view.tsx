// The inbox: filters and feeds with unread counts on the left, the newest articles (unread in bold, new ones marked) in the middle, the reader on the right.
import { useEffect, useImperativeHandle, useRef, type ReactNode, type Ref } from 'react';
import { INBOX_FILTER_LABELS, INBOX_FILTERS, type InboxFilter } from '../../core/common/reading.ts';
import type { FeedCount } from '../../core/model.ts';
import { formatFullDate, formatNumber, formatShortDate } from '../format.ts';
import type { InboxOp } from '../shortcut-routing.ts';
import { useInbox } from './use-inbox.ts';
import './inbox.css';

/** What the app's shortcuts do here (renderer/shortcut-routing.ts decides which key is which). */
export type InboxKeys = { run: (op: InboxOp) => void };

type Props = {
  ref?: Ref<InboxKeys>;
  /** The reader shows this article. */
  onOpen: (id: string) => void;
  /** Articles were marked: other views look again. */
  onChanged: () => void;
  onError: (error: unknown) => void;
  /** The reader, shown beside the list. */
  reader: ReactNode;
  onFocusReader: () => void;
  /** Opens the subscriptions dialog (follow, health, refresh). */
  onManageFeeds: () => void;
  /** Bumped when a refresh saved articles: the inbox looks for them. */
  revision: number;
};

export function InboxView({ ref, onOpen, onChanged, onError, reader, onFocusReader, onManageFeeds, revision }: Props) {
  // Here, not in the app: "seen" is recorded when the inbox is shown, not when the app starts.
  const inbox = useInbox({ onOpen, onChanged, onError, revision });
  const listRef = useRef<HTMLDivElement>(null);
  const { items, counts, cursor, selected, seenBefore, filter, within } = inbox;
  const everywhere = !within.subscriptionId && !within.folder;
  // A feed or folder shows its unread and read articles; from Archived, it shows the inbox part.
  const feedFilter = filter === 'archived' ? 'inbox' : filter;
  useImperativeHandle(
    ref,
    () => ({
      run: (op) => {
        if (op === 'next' || op === 'previous') inbox.move(op === 'next' ? 1 : -1);
        else if (op === 'open') onFocusReader();
        else if (op === 'list') listRef.current?.focus();
        else if (op === 'star') inbox.triage.star();
        else if (op === 'archive') inbox.triage.archive();
        else if (op === 'toggle-unread') inbox.triage.toggleUnread();
        else if (op === 'read-above') void inbox.triage.readAbove();
      },
    }),
    [inbox, onFocusReader],
  );
  useEffect(() => {
    listRef.current?.querySelector('.inbox-row.cursor')?.scrollIntoView({ block: 'nearest' });
  }, [cursor]);
  useEffect(() => listRef.current?.focus(), []);

  const feedButton = (feed: FeedCount) => (
    <li key={feed.subscriptionId}>
      <button
        type="button"
        aria-pressed={within.subscriptionId === feed.subscriptionId}
        onClick={() => inbox.show(feedFilter, { subscriptionId: feed.subscriptionId })}
      >
        <span dir="auto">{feed.title}</span>
        {feed.unread > 0 && <span className="badge">{formatNumber(feed.unread)}</span>}
      </button>
    </li>
  );
  const fresh = seenBefore === null ? 0 : items.filter((i) => i.capturedAt > seenBefore).length;
  const countOf = (f: InboxFilter) => (counts && f !== 'all' ? counts[f] : null);
  return (
    <div className="inbox">
      <nav className="inbox-side" aria-label="Inbox filters">
        <ul>
          {INBOX_FILTERS.map((f) => (
            <li key={f}>
              <button
                type="button"
                aria-pressed={filter === f && everywhere}
                onClick={() => inbox.show(f)}
                data-filter={f}
              >
                <span>{INBOX_FILTER_LABELS[f]}</span>
                {countOf(f) ? <span className="badge">{formatNumber(countOf(f)!)}</span> : null}
              </button>
            </li>
          ))}
        </ul>
        <h3 className="inbox-feeds-head">
          <span>Feeds</span>
          <button type="button" className="link-button" onClick={onManageFeeds} title="Follow feeds, see their health">
            {counts?.feeds.length ? 'Manage…' : 'Follow…'}
          </button>
        </h3>
        {counts && counts.feeds.length > 0 && (
          <ul aria-label="Feeds">
            {counts.folders.map((folder) => (
              <li key={`folder:${folder.folder}`}>
                <button
                  type="button"
                  className="inbox-folder"
                  aria-pressed={within.folder === folder.folder}
                  onClick={() => inbox.show(feedFilter, { folder: folder.folder })}
                >
                  <span dir="auto">{folder.folder}</span>
                  {folder.unread > 0 && <span className="badge">{formatNumber(folder.unread)}</span>}
                </button>
                <ul>{counts.feeds.filter((feed) => feed.folder === folder.folder).map((feed) => feedButton(feed))}</ul>
              </li>
            ))}
            {counts.feeds.filter((feed) => !feed.folder).map((feed) => feedButton(feed))}
          </ul>
        )}
      </nav>
      <section className="inbox-main" aria-label="Inbox">
        <div className="inbox-head">
          {fresh > 0 ? (
            <span className="inbox-new">{formatNumber(fresh)} new since you last looked</span>
          ) : (
            <span className="muted">{seenBefore ? 'Nothing new since you last looked' : ''}</span>
          )}
          {inbox.arrived > 0 && (
            <button type="button" className="button small inbox-arrived" onClick={() => inbox.show(filter, within)}>
              Show {formatNumber(inbox.arrived)} new
            </button>
          )}
          <span className="muted">
            {formatNumber(inbox.total)} article{inbox.total === 1 ? '' : 's'}
          </span>
        </div>
        {selected.size > 0 && (
          <div className="inbox-bulk" role="toolbar" aria-label="Selected articles">
            <span>{formatNumber(selected.size)} selected</span>
            <button type="button" className="button small" onClick={inbox.triage.toggleUnread}>
              Read / unread
            </button>
            <button type="button" className="button small" onClick={inbox.triage.star}>
              Star
            </button>
            <button type="button" className="button small" onClick={inbox.triage.archive}>
              Archive
            </button>
            <button type="button" className="button small" onClick={inbox.triage.clearSelection}>
              Clear
            </button>
          </div>
        )}
        <div
          ref={listRef}
          className="inbox-list"
          role="grid"
          aria-label="Inbox articles"
          aria-multiselectable="true"
          tabIndex={0}
        >
          {items.length === 0 && <p className="list-empty">Nothing here.</p>}
          {items.map((item, index) => {
            const unread = item.reading.state === 'unread';
            const isNew = seenBefore !== null && item.capturedAt > seenBefore;
            return (
              <div
                key={item.id}
                role="row"
                aria-selected={selected.has(item.id)}
                data-id={item.id}
                data-state={item.reading.state}
                className={`inbox-row${unread ? ' unread' : ''}${index === cursor ? ' cursor' : ''}${selected.has(item.id) ? ' selected' : ''}`}
                onMouseDown={(event) => {
                  event.preventDefault();
                  listRef.current?.focus({ preventScroll: true });
                }}
                onClick={(event) =>
                  inbox.select(index, { toggle: event.ctrlKey || event.metaKey, range: event.shiftKey })
                }
                onDoubleClick={onFocusReader}
              >
                <div role="gridcell" className="inbox-check">
                  <input
                    type="checkbox"
                    aria-label={`Select ${item.title}`}
                    checked={selected.has(item.id)}
                    onClick={(event) => event.stopPropagation()}
                    onChange={() => inbox.select(index, { toggle: true })}
                  />
                </div>
                <div role="gridcell" className="inbox-star" aria-label={item.reading.starred ? 'Starred' : undefined}>
                  {item.reading.starred ? '★' : ''}
                </div>
                <div role="gridcell" className="inbox-title" dir="auto" title={item.title}>
                  {isNew && <span className="new-mark">New</span>}
                  {item.title}
                </div>
                <div role="gridcell" className="inbox-source" dir="auto">
                  {item.feed?.title || item.source}
                </div>
                <div role="gridcell" className="col-date" title={formatFullDate(item.capturedAt)}>
                  {formatShortDate(item.capturedAt)}
                </div>
              </div>
            );
          })}
          {items.length < inbox.total && (
            <button type="button" className="button small inbox-more" onClick={() => void inbox.loadMore()}>
              Show more ({formatNumber(inbox.total - items.length)} left)
            </button>
          )}
        </div>
      </section>
      {reader}
    </div>
  );
}
