// One article in the HTML report: its metadata and notes, and its text with mentions and claims marked, overlaps nested.
import { keptMentions, type ExportSource } from './export-source.ts';
import { classToken as token, escapeHtml as h } from './html-escape.ts';
import {
  collectionNames,
  fitSpan,
  formatDate,
  httpHref,
  KIND_LABELS,
  paragraphsOf,
  type NumberedArticle,
} from './report-survey.ts';

/** A piece of the text marked up: where it starts and ends, how deep it nests, and its tags. */
type Span = {
  start: number;
  end: number;
  /** Claims (0) wrap mentions (1): claims often contain names, rarely the other way round. */
  rank: number;
  order: number;
  open: (first: boolean) => string;
  close: string;
  /** Written after its last piece (the claim number). */
  after: string;
};

const byNesting = (a: Span, b: Span) => a.rank - b.rank || a.start - b.start || b.end - a.end || a.order - b.order;

/**
 * The text as paragraphs with its spans, split at every boundary so overlapping spans nest: a span
 * interrupted by another that started inside it and ends outside is closed and opened again. The
 * separators between paragraphs are written as they are, so the HTML's text is the article's text.
 */
function markUp(text: string, spans: Span[]): string {
  const pieces = paragraphsOf(text);
  const bounds = new Set<number>([0, text.length]);
  for (const p of pieces) bounds.add(p.start).add(p.end);
  for (const s of spans) bounds.add(s.start).add(s.end);
  const points = [...bounds].sort((a, b) => a - b);
  const waiting = [...spans].sort((a, b) => a.start - b.start);
  const opened = new Set<Span>();
  let out = '';
  let active: Span[] = [];
  const stack: Span[] = [];
  let next = 0;
  let piece = 0;
  let openParagraph = -1;
  const closeTo = (depth: number, at: number) => {
    while (stack.length > depth) {
      const span = stack.pop()!;
      out += span.close;
      if (span.end <= at) out += span.after;
    }
  };
  for (let i = 0; i + 1 < points.length; i++) {
    const [at, to] = [points[i]!, points[i + 1]!];
    while (pieces[piece] && pieces[piece]!.end <= at) piece++;
    const inParagraph = pieces[piece]?.paragraph === true;
    active = active.filter((s) => s.end > at);
    while (next < waiting.length && waiting[next]!.start <= at) {
      if (waiting[next]!.end > at) active.push(waiting[next]!);
      next++;
    }
    const want = inParagraph ? active.sort(byNesting) : [];
    let same = 0;
    if (openParagraph === piece) while (same < stack.length && stack[same] === want[same]) same++;
    closeTo(same, at);
    if (openParagraph !== -1 && openParagraph !== piece) {
      out += '</p>';
      openParagraph = -1;
    }
    if (inParagraph && openParagraph !== piece) {
      out += '<p>';
      openParagraph = piece;
    }
    for (const span of want.slice(same)) {
      out += span.open(!opened.has(span));
      opened.add(span);
      stack.push(span);
    }
    out += h(text.slice(at, to));
  }
  closeTo(0, text.length);
  if (openParagraph !== -1) out += '</p>';
  return out;
}

function articleSpans(source: ExportSource, { article, claims }: NumberedArticle): Span[] {
  const spans: Span[] = [];
  claims.forEach(({ claim: c, n }, order) => {
    const fit = fitSpan(article.text, c.start, c.end);
    if (!fit) return;
    const title = [`c${n}`, KIND_LABELS[c.kind] ?? c.kind, c.status, c.claimant?.name].filter(Boolean).join(' · ');
    spans.push({
      ...fit,
      rank: 0,
      order,
      open: (first) =>
        `<span class="claim s-${token(c.status)}" data-claim="${n}" title="${h(title)}"${first ? ` id="claim-${n}-text"` : ''}>`,
      close: '</span>',
      after: `<sup class="claim-ref s-${token(c.status)}"><a href="#claim-${n}">c${n}</a></sup>`,
    });
  });
  keptMentions(article).forEach((m, order) => {
    const fit = fitSpan(article.text, m.start, m.end);
    if (!fit) return;
    const entity = m.entityId ? source.entities.get(m.entityId) : undefined;
    const type = entity?.type ?? m.type;
    const title = `${entity?.name ?? m.name} · ${type}${m.status === 'suggested' ? ' · suggested' : ''}`;
    const open = `<mark class="m t-${token(type)}${m.status === 'suggested' ? ' suggested' : ''}" title="${h(title)}">`;
    spans.push({ ...fit, rank: 1, order, open: () => open, close: '</mark>', after: '' });
  });
  return spans;
}

function metaRow(label: string, value: string): string {
  return value ? `<dt>${h(label)}</dt><dd>${value}</dd>` : '';
}

export function articleSection(source: ExportSource, numbered: NumberedArticle): string {
  const { article, n } = numbered;
  const href = article.url ? httpHref(article.url) : null;
  const url = href
    ? `<a class="bare" href="${h(href)}" rel="noreferrer noopener">${h(article.url)}</a>`
    : h(article.url);
  const collections = collectionNames(source, article);
  const lang = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/.test(article.language) ? ` lang="${h(article.language)}"` : '';
  const meta =
    metaRow('Source', h(article.source)) +
    metaRow('Byline', h(article.byline)) +
    metaRow('Dateline', h(article.dateline)) +
    metaRow('Published', h(formatDate(article.publishedAt) || 'date unknown')) +
    metaRow('Captured', h(formatDate(article.capturedAt.replace(/\.\d+Z$/, 'Z')))) +
    metaRow('URL', url) +
    metaRow('Wire credits', h(article.wireCredits.join(', '))) +
    metaRow('Tags', article.tags.map((t) => `<span class="tag">${h(t)}</span>`).join('')) +
    metaRow('Collections', h(collections.join(', ')));
  const notes = article.notes.trim()
    ? `<aside class="notes"><h4>Notes</h4>${paragraphsOf(article.notes.trim())
        .filter((p) => p.paragraph)
        .map((p) => `<p>${h(article.notes.trim().slice(p.start, p.end))}</p>`)
        .join('')}</aside>`
    : '';
  const spans = articleSpans(source, numbered);
  return (
    `<article class="item" id="article-${n}"${lang}>` +
    `<header><div class="kicker">Article ${n}${article.source ? ` · ${h(article.source)}` : ''}</div>` +
    `<h3 dir="auto">${h(article.title)}</h3></header>` +
    `<dl class="meta-list">${meta}</dl>` +
    `<div class="text" dir="auto">${markUp(article.text, spans)}</div>` +
    notes +
    `</article>\n`
  );
}
