// HTML report: one self-contained, printable page (claims table, sources, then each article with its mentions and claims marked).
import type { Claim, ClaimStatus } from '../model.ts';
import { describeQuantity } from './csv-tables.ts';
import { keptMentions, type ExportSource } from './export-source.ts';
import {
  claimChain,
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
  surveyReport,
  TYPE_LABELS,
  type NumberedArticle,
  type ReportSurvey,
} from './report-survey.ts';
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** For text and quoted attribute values alike. */
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
const h = escapeHtml;

/** A CSS string's content: everything but letters, digits and spaces as a hex escape, so data cannot end the string. */
const cssString = (value: string) =>
  value.replace(/[^a-zA-Z0-9 ]/gu, (c) => `\\${c.codePointAt(0)!.toString(16)} `).slice(0, 400);

/** Class names from enums, kept to letters and hyphens even if a hand-edited file says otherwise. */
const token = (value: string) => value.replace(/[^a-z-]/g, '');

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const STYLE = `
:root {
  --ink: #1b1d21; --muted: #5d6470; --faint: #8a909a; --rule: #d8d3c6; --rule-soft: #ebe7dc;
  --paper: #fff; --desk: #efede7; --accent: #1f3a5f; --wash: #f6f4ee;
  --serif: Charter, "Bitstream Charter", "Iowan Old Style", "Source Serif 4", "Source Serif Pro", Georgia, "Noto Serif", "DejaVu Serif", serif;
  --sans: "Inter", "Segoe UI", system-ui, "Noto Sans", "DejaVu Sans", Arial, sans-serif;
}
* { box-sizing: border-box; }
html { print-color-adjust: exact; -webkit-print-color-adjust: exact; background: var(--desk); }
body { margin: 0; color: var(--ink); font: 15px/1.55 var(--serif); }
.report { max-width: 1180px; margin: 24px auto; padding: 36px 48px 48px; background: var(--paper); box-shadow: 0 1px 3px rgb(0 0 0 / 0.12); }
a { color: var(--accent); text-decoration-thickness: 1px; text-underline-offset: 2px; }
h1, h2, h3 { font-family: var(--serif); line-height: 1.2; margin: 0; }
.kicker { font: 600 11px/1.4 var(--sans); letter-spacing: 0.12em; text-transform: uppercase; color: var(--muted); }
.masthead { border-bottom: 3px double var(--ink); padding-bottom: 14px; margin-bottom: 22px; }
.masthead h1 { font-size: 30px; margin: 4px 0 8px; }
.facts { display: flex; flex-wrap: wrap; gap: 4px 22px; margin: 10px 0 0; padding: 0; list-style: none; font: 13px/1.4 var(--sans); color: var(--muted); }
.facts b { color: var(--ink); font-size: 15px; font-weight: 650; margin-right: 3px; }
.dateline { font: 12.5px/1.4 var(--sans); color: var(--muted); margin: 6px 0 0; }
.statuses { display: flex; flex-wrap: wrap; gap: 6px; margin: 10px 0 0; padding: 0; list-style: none; }
section.part { margin: 0 0 28px; }
section.part > h2 { font-size: 19px; padding: 0 0 5px; margin: 0 0 12px; border-bottom: 1px solid var(--ink); display: flex; align-items: baseline; gap: 10px; }
section.part > h2 .count { font: 500 12px var(--sans); color: var(--muted); }
.empty { font: italic 14px var(--serif); color: var(--muted); }
table { border-collapse: collapse; width: 100%; }
.claims { font: 12.5px/1.4 var(--sans); }
.claims th { text-align: left; font: 650 10.5px/1.3 var(--sans); letter-spacing: 0.05em; text-transform: uppercase; color: var(--muted); padding: 6px 7px; border-bottom: 1.5px solid var(--ink); vertical-align: bottom; }
.claims td { padding: 6px 7px; border-bottom: 1px solid var(--rule-soft); vertical-align: top; }
.claims tbody tr:nth-child(even) td { background: #faf9f5; }
.claims td.n { white-space: nowrap; font-weight: 650; }
.claims td.n a { text-decoration: none; }
.claims td.claim-text { font: 13.5px/1.42 var(--serif); min-width: 17em; }
.claims td.nowrap, .claims td.date { white-space: nowrap; }
.claims .chain b { font-weight: 650; }
.claims .chain .arrow { color: var(--faint); padding: 0 2px; }
.claims .outlet { font-style: italic; color: inherit; text-decoration: none; }
.claims .outlet:hover { text-decoration: underline; }
.claims td.chain { min-width: 11em; }
.claim-meta { display: block; margin-top: 3px; font: 11.5px/1.35 var(--sans); color: var(--muted); }
.review-note { display: block; margin-top: 3px; font: italic 12px/1.35 var(--serif); color: #3f4650; border-left: 2px solid var(--rule); padding-left: 6px; }
.none { color: var(--faint); }
.badge { display: inline-block; padding: 1px 7px; border-radius: 9px; font: 650 10.5px/1.5 var(--sans); letter-spacing: 0.03em; color: var(--status); background: var(--status-soft); border: 1px solid color-mix(in srgb, var(--status) 30%, transparent); white-space: nowrap; }
.pending { display: block; margin-top: 2px; font: 10.5px var(--sans); color: var(--faint); }
.s-unverified { --status: #596270; --status-soft: #eef0f3; }
.s-corroborated { --status: #1d6e3a; --status-soft: #e2f2e7; }
.s-disputed { --status: #9a5b00; --status-soft: #fdf0d7; }
.s-false { --status: #a8231b; --status-soft: #fbe5e3; }
.s-retracted { --status: #6a3d9a; --status-soft: #efe7f8; }
.columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 8px 36px; }
.columns h3 { font: 650 11px/1.4 var(--sans); letter-spacing: 0.08em; text-transform: uppercase; color: var(--muted); margin: 0 0 4px; }
.tally { font: 13px/1.35 var(--sans); }
.tally td { padding: 3px 0; border-bottom: 1px dotted var(--rule); }
.tally td.num { text-align: right; color: var(--muted); white-space: nowrap; padding-left: 12px; }
.tally .none { font-style: italic; }
.entity-types { display: grid; gap: 6px; font: 12.5px/1.5 var(--sans); margin: 0; }
.entity-types dt { font: 650 11px/1.4 var(--sans); letter-spacing: 0.08em; text-transform: uppercase; color: var(--muted); margin-top: 4px; }
.entity-types dd { margin: 0; display: flex; flex-wrap: wrap; gap: 4px 6px; }
.chip { display: inline-block; padding: 0 6px; border-radius: 3px; background: var(--type-soft); border-bottom: 1.5px solid var(--type); }
.chip .num { color: var(--muted); font-size: 11px; margin-left: 3px; }
.contents { margin: 0; padding-left: 2.2em; font: 13.5px/1.45 var(--serif); columns: 2 360px; column-gap: 36px; }
.contents li { break-inside: avoid; margin-bottom: 3px; }
.contents .meta { font: 11.5px var(--sans); color: var(--muted); }
.t-person { --type: #7a3fb0; --type-soft: #f1e8fa; }
.t-organization { --type: #1f5fbf; --type-soft: #e2ebfa; }
.t-group { --type: #b3261e; --type-soft: #fbe7e5; }
.t-location { --type: #1d7a3e; --type-soft: #e1f3e6; }
.t-event { --type: #8a5a00; --type-soft: #fff0cc; }
.t-other { --type: #5d6876; --type-soft: #eceff2; }
article.item { border-top: 1px solid var(--ink); padding-top: 18px; margin-top: 30px; }
article.item header h3 { font-size: 24px; margin: 4px 0 8px; }
.meta-list { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 0 0 16px; font: 12.5px/1.45 var(--sans); }
.meta-list dt { color: var(--muted); font-weight: 600; }
.meta-list dd { margin: 0; overflow-wrap: anywhere; }
.tag { display: inline-block; padding: 0 6px; margin: 0 3px 2px 0; border: 1px solid var(--rule); border-radius: 3px; font-size: 11.5px; background: var(--wash); }
.text { max-width: 44em; font-size: 16.5px; line-height: 1.62; hyphens: auto; }
.text p { margin: 0 0 0.85em; white-space: pre-line; }
mark.m { color: inherit; background: var(--type-soft); border-radius: 2px; padding: 0 1px; box-shadow: inset 0 -1.5px 0 var(--type); box-decoration-break: clone; -webkit-box-decoration-break: clone; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
mark.m.suggested { background: color-mix(in srgb, var(--type-soft) 50%, transparent); box-shadow: inset 0 -1px 0 color-mix(in srgb, var(--type) 60%, transparent); }
.claim { text-decoration: underline solid var(--status); text-decoration-thickness: 2px; text-underline-offset: 0.3em; text-decoration-skip-ink: none; }
.claim-ref { font: 700 10px/1 var(--sans); margin-left: 1px; }
.claim-ref a { color: var(--status); text-decoration: none; }
.legend { font: 11.5px/1.5 var(--sans); color: var(--muted); margin: 0 0 10px; }
.legend .claim { color: var(--ink); }
.notes { max-width: 44em; margin: 18px 0 0; padding: 10px 14px; background: var(--wash); border-left: 3px solid var(--accent); font-size: 14.5px; }
.notes h4 { margin: 0 0 4px; font: 650 11px/1.4 var(--sans); letter-spacing: 0.08em; text-transform: uppercase; color: var(--muted); }
.notes p { margin: 0 0 0.5em; white-space: pre-line; }
footer.colophon { margin-top: 36px; padding-top: 8px; border-top: 1px solid var(--rule); font: 11px/1.4 var(--sans); color: var(--faint); }
@media (max-width: 760px) { .report { padding: 20px; margin: 0; } }
@media print {
  html { background: none; }
  body { font-size: 10pt; }
  .report { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  .masthead h1 { font-size: 20pt; }
  .claims { font-size: 8pt; }
  .claims td.claim-text { font-size: 8.8pt; }
  .claims th { font-size: 7pt; }
  .claims thead { display: table-header-group; }
  .claims tr, .tally tr, .meta-list, .notes { break-inside: avoid; }
  h2, h3, h4, header { break-after: avoid; }
  section.articles > h2 { break-before: page; }
  article.item { break-before: page; border-top: 0; margin-top: 0; padding-top: 0; }
  article.item header h3 { font-size: 16pt; }
  .text { max-width: none; font-size: 10.5pt; line-height: 1.5; orphans: 3; widows: 3; }
  .notes { max-width: none; font-size: 9.5pt; }
  a { color: inherit; }
  a[href^="http"]:not(.bare)::after { content: " <" attr(href) ">"; font: 8pt var(--sans); color: var(--muted); overflow-wrap: anywhere; }
  .claim-ref a { color: var(--status); }
}
`;

/** The page's running footer in print: the scope, and page numbers. */
const pageStyle = (scope: string) => `
@page { size: A4; margin: 15mm 14mm 17mm;
  @bottom-left { content: "${cssString(`Newsdesk report: ${scope}`)}"; font: 7.5pt sans-serif; color: #777; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 7.5pt sans-serif; color: #777; } }
`;

const dash = '<span class="none">—</span>';

function statusBadge(status: ClaimStatus): string {
  return `<span class="badge s-${token(status)}">${h(status)}</span>`;
}

function claimRow(source: ExportSource, { article, n: articleN }: NumberedArticle, c: Claim, n: number): string {
  const chain = claimChain(c);
  const who = [
    c.claimant ? `<b>${h(c.claimant.name)}</b>` : '<i class="none">the outlet</i>',
    ...chain.slice(1).map(h),
  ].join('<span class="arrow">→</span>');
  const facts = claimFacts(source, c);
  const kind = KIND_LABELS[c.kind] ?? c.kind;
  const target = c.target ? ` <span class="claim-meta">against ${h(c.target.name)}</span>` : '';
  const figures = c.quantities.map((q) => h(describeQuantity(q))).join('<br>');
  return (
    `<tr id="claim-${n}" class="s-${token(c.status)}">` +
    `<td class="n"><a href="#claim-${n}-text">c${n}</a></td>` +
    `<td class="claim-text">${h(c.text)}` +
    (facts.length ? `<span class="claim-meta">${h(facts.join(' · '))}</span>` : '') +
    (c.reviewNote.trim() ? `<span class="review-note">${h(c.reviewNote)}</span>` : '') +
    `</td>` +
    `<td class="chain">${who}</td>` +
    `<td>${h(kind)}${target}</td>` +
    `<td>${figures || dash}</td>` +
    `<td>${c.hedged ? 'hedged' : dash}</td>` +
    `<td class="nowrap">${statusBadge(c.status)}${c.review === 'suggested' ? '<span class="pending">not yet reviewed</span>' : ''}</td>` +
    `<td><a class="outlet" href="#article-${articleN}">${h(article.source || 'no source')}</a></td>` +
    `<td class="date">${article.publishedAt ? h(formatDate(article.publishedAt, true)) : dash}</td>` +
    `</tr>\n`
  );
}

/** Pass 2: the table's rows as the articles are read, one chunk per article. */
async function* claimsTable(source: ExportSource, survey: ReportSurvey): AsyncIterable<string> {
  const head = `<section class="part claims-part"><h2>Claims <span class="count">${h(plural(survey.claims, 'claim'))}, in article order</span></h2>\n`;
  if (!survey.claims) {
    yield `${head}<p class="empty">No claims recorded in these articles.</p></section>\n`;
    return;
  }
  const columns = ['#', 'Claim', 'Claimant → via', 'Kind', 'Figures', 'Hedged', 'Status', 'Outlet', 'Published'];
  yield (
    head +
    `<table class="claims"><thead><tr>${columns.map((c) => `<th scope="col">${h(c)}</th>`).join('')}</tr></thead><tbody>\n`
  );
  for await (const a of numberedArticles(source))
    if (a.claims.length) yield a.claims.map(({ claim, n }) => claimRow(source, a, claim, n)).join('');
  yield `</tbody></table></section>\n`;
}

function tally(title: string, rows: [string, number][], unit: string, empty: string): string {
  const body = rows.length
    ? rows
        .map(
          ([name, n]) =>
            `<tr><td>${name ? h(name) : '<span class="none">no source</span>'}</td><td class="num">${h(plural(n, unit))}</td></tr>`,
        )
        .join('')
    : `<tr><td class="none">${h(empty)}</td></tr>`;
  return `<div><h3>${h(title)}</h3><table class="tally"><tbody>${body}</tbody></table></div>`;
}

function sourcesSection(survey: ReportSurvey): string {
  return (
    `<section class="part"><h2>Sources <span class="count">${h(plural(survey.outlets.size, 'outlet'))}, ${h(plural(survey.stories, 'story', 'stories'))}</span></h2>` +
    `<div class="columns">` +
    tally('Outlets', ranked(survey.outlets), 'article', 'No articles.') +
    tally('Wire agencies credited', ranked(survey.wires), 'article', 'No wire agency credited.') +
    `</div></section>\n`
  );
}

function entitiesSection(source: ExportSource): string {
  const groups = entitiesByType(source);
  if (!groups.length) return '';
  const body = groups
    .map(
      ([type, entities]) =>
        `<dt>${h(TYPE_LABELS[type])}</dt><dd>` +
        entities
          .map(
            (e) =>
              `<span class="chip t-${token(e.type)}">${h(e.name)}<span class="num">${source.articlesMentioning.get(e.id) ?? 0}</span></span>`,
          )
          .join('') +
        `</dd>`,
    )
    .join('');
  return (
    `<section class="part"><h2>Entities <span class="count">${h(plural(source.entities.size, 'entity', 'entities'))}, with the number of articles naming each; the colours mark them in the texts</span></h2>` +
    `<dl class="entity-types">${body}</dl></section>\n`
  );
}

/** Pass 3: one line per article, linked to it. */
async function* contentsSection(source: ExportSource, survey: ReportSurvey): AsyncIterable<string> {
  const head = `<section class="part articles"><h2>Articles <span class="count">${h(plural(survey.articles, 'article'))}</span></h2>`;
  if (!survey.articles) {
    yield `${head}<p class="empty">No articles in this scope.</p></section>\n`;
    return;
  }
  yield `${head}<ol class="contents">`;
  for await (const a of numberedArticles(source))
    yield (
      (a.n > 1 ? '\n' : '') +
      `<li><a href="#article-${a.n}" dir="auto">${h(a.article.title)}</a> <span class="meta">${contentsMeta(a).map(h).join(' · ')}</span></li>`
    );
  yield `</ol></section>\n`;
}

function masthead(source: ExportSource, survey: ReportSurvey): string {
  const range = formatRange(survey.firstPublished, survey.lastPublished);
  const facts: [number, string, string][] = [
    [survey.articles, 'article', 'articles'],
    [survey.stories, 'story', 'stories'],
    [survey.outlets.size, 'outlet', 'outlets'],
    [survey.claims, 'claim', 'claims'],
    [source.entities.size, 'entity', 'entities'],
  ];
  const statuses = rankedStatuses(survey)
    .map(([status, n]) => `<li><span class="badge s-${token(status)}">${n} ${h(status)}</span></li>`)
    .join('');
  return (
    `<header class="masthead"><div class="kicker">Newsdesk · Monitoring report</div>` +
    `<h1 dir="auto">${h(source.scope.charAt(0).toUpperCase() + source.scope.slice(1))}</h1>` +
    `<p class="dateline">Exported ${h(formatDate(source.exportedAt.replace(/\.\d+Z$/, 'Z')))}` +
    (range ? ` · articles published ${h(range)}` : '') +
    `</p>` +
    `<ul class="facts">${facts.map(([n, one, many]) => `<li><b>${n}</b>${h(n === 1 ? one : many)}</li>`).join('')}</ul>` +
    (statuses ? `<ul class="statuses" aria-label="Claims by status">${statuses}</ul>` : '') +
    `</header>\n`
  );
}

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

function articleSection(source: ExportSource, numbered: NumberedArticle): string {
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
    metaRow('Published', h(formatDate(article.publishedAt))) +
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

const LEGEND =
  '<p class="legend">In the texts: names are highlighted in their entity type’s colour (hover for the entity); ' +
  '<span class="claim s-unverified">claims are underlined</span> in their status’s colour, and their number (c1, c2 …) links to the claims table.</p>\n';

/** The report as one HTML page, streamed in four passes: counts, the claims table, the contents, the articles. */
export async function* htmlReport(source: ExportSource): AsyncIterable<string> {
  const survey = await surveyReport(source);
  const title = `Newsdesk report: ${source.scope}`;
  yield (
    `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="${h(CSP)}">\n` +
    `<meta name="referrer" content="no-referrer">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta name="generator" content="${h(`${source.app.name} ${source.app.version}`)}">\n` +
    `<title>${h(title)}</title>\n<style>${STYLE}${pageStyle(source.scope)}</style>\n</head>\n<body>\n<main class="report">\n`
  );
  yield masthead(source, survey);
  yield* claimsTable(source, survey);
  yield sourcesSection(survey);
  yield entitiesSection(source);
  yield* contentsSection(source, survey);
  if (survey.articles) yield LEGEND;
  for await (const article of numberedArticles(source)) yield articleSection(source, article);
  yield (
    `<footer class="colophon">Made with ${h(`${source.app.name} ${source.app.version}`)} on ${h(source.exportedAt)}. ` +
    `Figures and claims are as the outlets report them; statuses are the monitor’s own.</footer>\n` +
    `</main>\n</body>\n</html>\n`
  );
}
