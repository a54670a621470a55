// HTML report: one self-contained, printable page, streamed: masthead, claims table, sources, entities, contents, articles.
import type { Claim, ClaimStatus } from '../model.ts';
import { describeQuantity } from './csv-tables.ts';
import type { ExportSource } from './export-source.ts';
import { classToken as token, escapeHtml as h } from './html-escape.ts';
import { articleSection } from './report-html-article.ts';
import { pageStyle, STYLE } from './report-html-style.ts';
import {
  claimChain,
  claimFacts,
  contentsMeta,
  entitiesByType,
  formatDate,
  formatRange,
  KIND_LABELS,
  numberedArticles,
  plural,
  ranked,
  rankedStatuses,
  reviewStatement,
  surveyReport,
  TYPE_LABELS,
  type NumberedArticle,
  type ReportSurvey,
} from './report-survey.ts';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

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
    `<td class="date">${article.publishedAt ? h(formatDate(article.publishedAt, true)) : '<span class="none">date unknown</span>'}</td>` +
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
    `<p class="review-scope">${h(reviewStatement(source, survey))}</p>` +
    `<ul class="facts">${facts.map(([n, one, many]) => `<li><b>${n}</b>${h(n === 1 ? one : many)}</li>`).join('')}</ul>` +
    (statuses ? `<ul class="statuses" aria-label="Claims by status">${statuses}</ul>` : '') +
    `</header>\n`
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
