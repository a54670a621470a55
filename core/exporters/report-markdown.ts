// Markdown report (CommonMark with GFM tables): the HTML report's content, with every character of the data kept as text.
import type { Claim } from '../model.ts';
import { describeQuantity } from './csv-tables.ts';
import { keptMentions, type ExportSource } from './export-source.ts';
import {
  claimFacts,
  collectionNames,
  contentsMeta,
  entitiesByType,
  fitSpan,
  formatDate,
  formatRange,
  httpHref,
  KIND_LABELS,
  numberedArticles,
  paragraphsOf,
  plural,
  ranked,
  rankedStatuses,
  reviewStatement,
  surveyReport,
  TYPE_LABELS,
  type NumberedArticle,
  type ReportSurvey,
} from './report-survey.ts';

/**
 * Data as inline text that cannot become markup: the characters that open emphasis, code, links,
 * raw HTML, entities, tables and strikethrough are backslash-escaped, and so are the starts of GFM's
 * bare autolinks (`://`, `www.`, `@`), so a URL in the text stays the words the outlet printed.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>#|~&]/g, '\\$&')
    .replace(/:\/\//g, '\\://')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/@/g, '\\@');
}

/** One line of data: a table cell, a heading, a list item. */
const inline = (text: string) => escapeMarkdown(text.replace(/\s*[\r\n]+\s*/g, ' ').trim());

/**
 * What is left at the start of a line after inline escaping that would still start a block:
 * list bullets, ordered-list numbers, setext underlines, indented code. Lines break hard (`\`)
 * because a reader expects the outlet's line breaks, not one run-on line.
 */
function blockLines(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) =>
      line
        .replace(/^[ \t]+|[ \t]+$/g, '')
        .replace(/^([-+=])/, '\\$1')
        .replace(/^(\d+)([.)])/, '$1\\$2'),
    )
    .join('\\\n');
}

/** A span trimmed of the whitespace at its edges: emphasis next to a space is not emphasis in CommonMark. */
function trimmed(text: string, start: number, end: number): { start: number; end: number } | null {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return start < end ? { start, end } : null;
}

type Marked = { start: number; end: number };

/**
 * One paragraph with mentions in **bold** inside claims in _italics_, each claim followed by its
 * number. Overlaps become runs: italics wherever any claim is, bold wherever any mention is, bold
 * closed and reopened where italics start or stop so the two always nest.
 */
function paragraph(
  text: string,
  from: number,
  to: number,
  claims: (Marked & { n: number })[],
  mentions: Marked[],
): string {
  const events = new Map<number, { italic: number; bold: number; markers: number[] }>();
  const at = (p: number) => {
    let event = events.get(p);
    if (!event) events.set(p, (event = { italic: 0, bold: 0, markers: [] }));
    return event;
  };
  at(from);
  at(to);
  const clip = (s: Marked) => trimmed(text, Math.max(s.start, from), Math.min(s.end, to));
  for (const c of claims) {
    const part = clip(c);
    if (!part) continue;
    at(part.start).italic++;
    at(part.end).italic--;
    if (c.end > from && c.end <= to) at(part.end).markers.push(c.n);
  }
  for (const m of mentions) {
    const part = clip(m);
    if (!part) continue;
    at(part.start).bold++;
    at(part.end).bold--;
  }
  const points = [...events.keys()].sort((a, b) => a - b);
  let out = '';
  let pending = '';
  let italic = 0;
  let bold = 0;
  let inItalic = false;
  let inBold = false;
  // Text is escaped in runs between delimiters, so `www.` or `://` split by a mention's edge is still caught.
  const emit = (markup: string) => {
    out += escapeMarkdown(pending) + markup;
    pending = '';
  };
  // A closing delimiter goes before the spaces it would otherwise follow; an opening one after them.
  const close = (markup: string) => {
    const trail = /\s*$/.exec(pending)![0];
    pending = pending.slice(0, pending.length - trail.length);
    emit(markup);
    pending = trail;
  };
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    const event = events.get(p)!;
    italic += event.italic;
    bold += event.bold;
    const last = p >= to;
    const segment = last ? '' : text.slice(p, points[i + 1]!);
    const blank = !segment.trim();
    const wantItalic = !last && italic > 0;
    const wantBold = !last && bold > 0;
    if (inBold && (!wantBold || inItalic !== wantItalic)) {
      close('**');
      inBold = false;
    }
    if (inItalic && !wantItalic) {
      close('_');
      inItalic = false;
    }
    for (const n of event.markers.sort((a, b) => a - b)) emit(`\\[c${n}\\]`);
    let open = '';
    if (wantItalic && !inItalic && !blank) {
      open += '_';
      inItalic = true;
    }
    if (wantBold && !inBold && !blank && inItalic === wantItalic) {
      open += '**';
      inBold = true;
    }
    if (open) {
      const lead = /^\s*/.exec(segment)![0];
      pending += lead;
      emit(open);
      pending = segment.slice(lead.length);
    } else pending += segment;
  }
  emit('');
  return blockLines(out);
}

/** The article's text as Markdown paragraphs. Claims whose end is cut off get their number where they stop. */
function articleText({ article, claims: numbered }: NumberedArticle): string {
  const text = article.text;
  const claims = numbered.flatMap(({ claim: c, n }) => {
    const fit = fitSpan(text, c.start, c.end);
    const trim = fit && trimmed(text, fit.start, fit.end);
    return trim ? [{ ...trim, n }] : [];
  });
  const mentions = keptMentions(article).flatMap((m) => {
    const fit = fitSpan(text, m.start, m.end);
    return fit ? [fit] : [];
  });
  return paragraphsOf(text)
    .filter((p) => p.paragraph)
    .map((p) => paragraph(text, p.start, p.end, claims, mentions))
    .filter((p) => p.length)
    .join('\n\n');
}

/** Free text of the data (notes) as paragraphs, nothing marked. */
const block = (text: string) =>
  paragraphsOf(text)
    .filter((p) => p.paragraph)
    .map((p) => blockLines(escapeMarkdown(text.slice(p.start, p.end))))
    .join('\n\n');

const cell = (text: string) => inline(text) || '—';

function claimRow(source: ExportSource, { article, n: articleN }: NumberedArticle, c: Claim, n: number): string {
  const chain = [c.claimant ? `**${inline(c.claimant.name)}**` : '_the outlet_', ...c.via.map(inline)].join(' → ');
  const facts = claimFacts(source, c);
  const claim =
    inline(c.text) +
    (facts.length ? ` (${inline(facts.join(' · '))})` : '') +
    (c.reviewNote.trim() ? ` — _${inline(c.reviewNote)}_` : '');
  const kind = inline(KIND_LABELS[c.kind] ?? c.kind) + (c.target ? ` against ${inline(c.target.name)}` : '');
  const cells = [
    `c${n}`,
    claim,
    chain,
    kind,
    c.quantities.length ? inline(c.quantities.map(describeQuantity).join('; ')) : '—',
    c.hedged ? 'hedged' : '—',
    inline(c.status) + (c.review === 'suggested' ? ' (not yet reviewed)' : ''),
    `${cell(article.source)} (art. ${articleN})`,
    article.publishedAt ? inline(formatDate(article.publishedAt, true)) : 'date unknown',
  ];
  return `| ${cells.join(' | ')} |\n`;
}

function head(source: ExportSource, survey: ReportSurvey): string {
  const range = formatRange(survey.firstPublished, survey.lastPublished);
  const statuses = rankedStatuses(survey)
    .map(([status, n]) => `${n} ${status}`)
    .join(', ');
  const lines = [
    `# Newsdesk report: ${inline(source.scope)}`,
    '',
    `- **Exported:** ${inline(formatDate(source.exportedAt))}`,
    range ? `- **Articles published:** ${inline(range)}` : '',
    `- **Holds:** ${plural(survey.articles, 'article')} (${plural(survey.stories, 'story', 'stories')}) from ${plural(survey.outlets.size, 'outlet')}, ${plural(survey.claims, 'claim')}, ${plural(source.entities.size, 'entity', 'entities')}`,
    statuses ? `- **Claims by status:** ${inline(statuses)}` : '',
    `- **Suggestions:** ${inline(reviewStatement(source, survey))}`,
    `- **Made with:** ${inline(`${source.app.name} ${source.app.version}`)}`,
  ];
  return lines.filter((l, i) => l || i === 1).join('\n') + '\n\n';
}

/** Pass 2: the table's rows as the articles are read, one chunk per article. */
async function* claimsTable(source: ExportSource, survey: ReportSurvey): AsyncIterable<string> {
  if (!survey.claims) {
    yield '## Claims\n\nNo claims recorded in these articles.\n\n';
    return;
  }
  const columns = ['#', 'Claim', 'Claimant → via', 'Kind', 'Figures', 'Hedged', 'Status', 'Outlet', 'Published'];
  yield (
    `## Claims\n\n${plural(survey.claims, 'claim')}, in article order; the numbers mark them in the texts below.\n\n` +
    `| ${columns.join(' | ')} |\n| ${columns.map(() => '---').join(' | ')} |\n`
  );
  for await (const a of numberedArticles(source))
    if (a.claims.length) yield a.claims.map(({ claim, n }) => claimRow(source, a, claim, n)).join('');
  yield '\n';
}

function sources(source: ExportSource, survey: ReportSurvey): string {
  const list = (rows: [string, number][], empty: string) =>
    rows.length
      ? rows.map(([name, n]) => `- ${name ? inline(name) : '_no source_'}: ${plural(n, 'article')}`).join('\n')
      : `_${empty}_`;
  const entities = entitiesByType(source)
    .map(
      ([type, list]) =>
        `- **${TYPE_LABELS[type]}:** ` +
        list.map((e) => `${inline(e.name)} (${source.articlesMentioning.get(e.id) ?? 0})`).join(', '),
    )
    .join('\n');
  return (
    `## Sources\n\n### Outlets\n\n${list(ranked(survey.outlets), 'No articles.')}\n\n` +
    `### Wire agencies credited\n\n${list(ranked(survey.wires), 'No wire agency credited.')}\n\n` +
    (entities
      ? `## Entities\n\nWith the number of articles naming each; names are in **bold** in the texts.\n\n${entities}\n\n`
      : '')
  );
}

/** Pass 3: one line per article. */
async function* contents(source: ExportSource, survey: ReportSurvey): AsyncIterable<string> {
  if (!survey.articles) {
    yield '## Articles\n\nNo articles in this scope.\n';
    return;
  }
  yield '## Articles\n\n';
  for await (const a of numberedArticles(source)) {
    const meta = contentsMeta(a).join(' · ');
    yield `${a.n}. ${inline(a.article.title)}${meta ? ` — ${inline(meta)}` : ''}\n`;
  }
  yield `\nIn the texts, names of entities are in **bold** and claims in _italics_, followed by their number in the claims table.\n`;
}

function articleSection(source: ExportSource, numbered: NumberedArticle) {
  const { article, n } = numbered;
  const href = article.url ? httpHref(article.url) : null;
  const collections = collectionNames(source, article);
  const meta: [string, string][] = [
    ['Source', inline(article.source)],
    ['Byline', inline(article.byline)],
    ['Dateline', inline(article.dateline)],
    ['Published', inline(formatDate(article.publishedAt) || 'date unknown')],
    ['Captured', inline(formatDate(article.capturedAt))],
    ['URL', href ? `[${inline(article.url)}](<${href}>)` : inline(article.url)],
    ['Wire credits', inline(article.wireCredits.join(', '))],
    ['Tags', inline(article.tags.join(', '))],
    ['Collections', inline(collections.join(', '))],
  ];
  const notes = article.notes.trim()
    ? `\n\n> **Notes**\n>\n${block(article.notes.trim())
        .split('\n')
        .map((line) => (line ? `> ${line}` : '>'))
        .join('\n')}`
    : '';
  return (
    `\n---\n\n### ${n}. ${inline(article.title)}\n\n` +
    meta
      .filter(([, value]) => value)
      .map(([label, value]) => `- **${label}:** ${value}`)
      .join('\n') +
    `\n\n${articleText(numbered)}${notes}\n`
  );
}

/** The report as Markdown, streamed in four passes: counts, the claims table, the contents, the articles. */
export async function* markdownReport(source: ExportSource): AsyncIterable<string> {
  const survey = await surveyReport(source);
  yield head(source, survey);
  yield* claimsTable(source, survey);
  yield sources(source, survey);
  yield* contents(source, survey);
  for await (const article of numberedArticles(source)) yield articleSection(source, article);
}
