// OPML lists to the feeds they name, de-duplicated and bounded.
import { ArchiveError } from '../errors.ts';
import { all, attr, child, localName, parseDocument, textOf } from './feed-xml.ts';

export type OpmlFeed = { title: string; xmlUrl: string; htmlUrl: string };

export type OpmlList = { title: string; feeds: OpmlFeed[] };

/** OPML lists are fetched feed by feed, so a bound keeps one file from queueing unbounded work. */
export const MAX_OPML_FEEDS = 1000;

export function parseOpml(text: string): OpmlList {
  const { root, name } = parseDocument(text, 'OPML list');
  if (localName(name) !== 'opml')
    throw new ArchiveError('invalid', `Not a valid OPML list: the document is <${name}>, not <opml>.`);
  const feeds: OpmlFeed[] = [];
  const seen = new Set<string>();
  // An explicit stack rather than recursion: nesting depth is the file's choice, the call stack is ours.
  const stack = all(child(root, 'body'), 'outline').reverse();
  while (stack.length && feeds.length < MAX_OPML_FEEDS) {
    const outline = stack.pop()!;
    const xmlUrl = attr(outline, 'xmlUrl') || attr(outline, 'xmlurl');
    if (xmlUrl && !seen.has(xmlUrl)) {
      seen.add(xmlUrl);
      feeds.push({
        title: attr(outline, 'title') || attr(outline, 'text'),
        xmlUrl,
        htmlUrl: attr(outline, 'htmlUrl') || attr(outline, 'htmlurl'),
      });
    }
    stack.push(...all(outline, 'outline').reverse());
  }
  return { title: textOf(child(child(root, 'head'), 'title')), feeds };
}
