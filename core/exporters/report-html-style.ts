// The HTML report's stylesheet, for screen and print, and the printed pages' running footer.

/** A CSS string's content: everything but letters, digits and spaces as a hex escape, so data cannot end the string. */
const cssString = (value: string) =>
  value.replace(/[^a-zA-Z0-9 ]/gu, (c) => `\\${c.codePointAt(0)!.toString(16)} `).slice(0, 400);

export const STYLE = `
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
.review-scope { font: 600 12.5px/1.4 var(--sans); margin: 6px 0 0; }
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
export const pageStyle = (scope: string) => `
@page { size: A4; margin: 15mm 14mm 17mm;
  @bottom-left { content: "${cssString(`Newsdesk report: ${scope}`)}"; font: 7.5pt sans-serif; color: #777; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 7.5pt sans-serif; color: #777; } }
`;
