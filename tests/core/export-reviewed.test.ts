// Reviewed-only exports on a real data folder: a confirmed claim and an unreviewed one, in reports, CSV and JSON, by choice and by default.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { parse } from 'csv-parse/sync';
import { JSDOM } from 'jsdom';
import type { Archive } from '../../core/archive.ts';
import type { ExportRequest } from '../../core/model.ts';
import { runCli } from './helpers/run-cli.ts';
import { openFor, tempDir } from './helpers/temp-dir.ts';

// Our own invented report: two attributed figures the rules suggest as claims.
const TEXT =
  'At least 14 civilians were killed in the shelling of Velmora, a UN official said on Wednesday.\n\n' +
  'Local medics said 40 wounded people had been taken to the district hospital overnight.';

async function fixture(t: TestContext) {
  const dir = await tempDir(t);
  const archive = await openFor(t, dir);
  const article = await archive.addArticle({
    title: 'Velmora shelled',
    source: 'Test Wire',
    publishedAt: '2026-03-11',
    text: TEXT,
  });
  const suggested = await archive.runSuggestions(article.id);
  const killed = suggested.claims.find((c) => c.text.includes('14 civilians'));
  const wounded = suggested.claims.find((c) => c.text.includes('40 wounded'));
  assert.ok(killed && wounded, `the rules suggest both claims: ${suggested.claims.map((c) => c.text).join(' | ')}`);
  assert.equal(wounded.review, 'suggested');
  await archive.reviewClaims(article.id, { ids: [killed.id], action: 'confirm' });
  const mentions = suggested.mentions.filter((m) => m.status === 'suggested');
  assert.ok(mentions.length >= 1, 'the tagger suggests at least one name');
  return { archive, article, unreviewedMentions: mentions.length };
}

/** Each export in a folder of its own: an export never overwrites a file, and these share a name. */
async function exported(archive: Archive, t: TestContext, request: Omit<ExportRequest, 'scope'>) {
  const result = await archive.exportToFile({ scope: { library: true }, ...request }, await tempDir(t));
  return { result, text: await readFile(result.path, 'utf8') };
}

/** The claims table's rows as text (the articles' own text below holds every sentence, claimed or not). */
function claimRows(format: 'html' | 'markdown', text: string): string[] {
  if (format === 'markdown') return text.split('\n').filter((line) => /^\| c\d+ \|/.test(line));
  const doc = new JSDOM(text).window.document;
  return [...doc.querySelectorAll('table.claims tbody tr')].map((row) => row.textContent ?? '');
}

test('a report holds only the confirmed claim by default, and says what it left out', async (t) => {
  const { archive, unreviewedMentions } = await fixture(t);
  for (const format of ['html', 'markdown'] as const) {
    const plan = await archive.planExport({ scope: { library: true }, format });
    assert.equal(plan.reviewedOnly, true, `${format} is reviewed-only by default`);
    const { result, text } = await exported(archive, t, { format });
    assert.equal(result.reviewedOnly, true);
    const rows = claimRows(format, text);
    assert.equal(rows.length, 1, `${format}: the unreviewed claim is left out`);
    assert.match(rows[0]!, /14 civilians were killed/, format);
    const statement = `Only what a person confirmed: 1 claim; ${1 + unreviewedMentions} unreviewed suggestions left out (1 claim, ${unreviewedMentions} mention${unreviewedMentions === 1 ? '' : 's'}).`;
    assert.ok(text.includes(statement), `${format} states it: ${statement}`);
  }
  // In the HTML: one row in the claims table, and no suggested mention marked in the text.
  const { text } = await exported(archive, t, { format: 'html', reviewedOnly: true });
  const doc = new JSDOM(text).window.document;
  assert.equal(doc.querySelector('.review-scope')?.textContent?.startsWith('Only what a person confirmed'), true);
  assert.equal(doc.querySelectorAll('.pending').length, 0, 'nothing "not yet reviewed" in a reviewed-only report');
});

test('a report of every suggestion holds both claims and says how many are unreviewed', async (t) => {
  const { archive } = await fixture(t);
  for (const format of ['html', 'markdown'] as const) {
    const { result, text } = await exported(archive, t, { format, reviewedOnly: false });
    assert.equal(result.reviewedOnly, false);
    const rows = claimRows(format, text);
    assert.equal(rows.length, 2, format);
    assert.ok(rows.some((r) => r.includes('14 civilians')) && rows.some((r) => r.includes('40 wounded')), format);
    assert.ok(text.includes('Every suggestion included: 2 claims, 1 of them not yet reviewed by a person.'), format);
  }
});

test('CSV and JSON hold every suggestion by default, and only the reviewed part when asked', async (t) => {
  const { archive } = await fixture(t);
  const claimsCsv = async (reviewedOnly?: boolean) => {
    const { result, text } = await exported(archive, t, { format: 'csv', table: 'claims', reviewedOnly });
    return { result, rows: parse(text.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[] };
  };
  const all = await claimsCsv();
  assert.equal(all.result.reviewedOnly, false, 'CSV holds everything by default');
  assert.deepEqual(all.rows.map((r) => r.review).sort(), ['confirmed', 'suggested']);
  const reviewed = await claimsCsv(true);
  assert.deepEqual(
    reviewed.rows.map((r) => [r.review, r.text!.includes('14 civilians')]),
    [['confirmed', true]],
  );
  const mentionsCsv = await exported(archive, t, { format: 'csv', table: 'mentions', reviewedOnly: true });
  const mentionRows = parse(mentionsCsv.text.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
  assert.ok(
    mentionRows.every((r) => r.status === 'confirmed'),
    'no suggested mention in a reviewed-only table',
  );

  const annotations = async (reviewedOnly?: boolean) => {
    const { text } = await exported(archive, t, { format: 'annotations', reviewedOnly });
    const items = (JSON.parse(text) as { first: { items: { motivation: string }[] } }).first.items;
    return items.filter((a) => a.motivation === 'describing').length;
  };
  assert.equal(await annotations(), 2, 'JSON-LD: both claims by default');
  assert.equal(await annotations(true), 1, 'JSON-LD: the confirmed claim only');
});

test('a claim given a verdict counts as reviewed; a rejected one is in no export', async (t) => {
  const { archive, article } = await fixture(t);
  const { claims } = await archive.getArticle(article.id);
  const wounded = claims.find((c) => c.text.includes('40 wounded'))!;
  await archive.updateClaim(article.id, wounded.id, { status: 'disputed' });
  const { text } = await exported(archive, t, { format: 'markdown' });
  assert.equal(claimRows('markdown', text).length, 2, 'the disputed claim is in a reviewed-only report');
  await archive.reviewClaims(article.id, { ids: [wounded.id], action: 'reject' });
  const after = await exported(archive, t, { format: 'markdown', reviewedOnly: false });
  assert.equal(claimRows('markdown', after.text).length, 1, 'the rejected one is not');
});

test('the option is checked at the gate: anything but true or false is refused with its field', async (t) => {
  const archive = await openFor(t, await tempDir(t));
  await assert.rejects(
    archive.planExport({ scope: { library: true }, format: 'html', reviewedOnly: 'yes' as unknown as boolean }),
    (error: Error & { issues?: { path: (string | number)[] }[] }) =>
      error.issues?.some((i) => i.path.join('.') === '0.reviewedOnly') === true,
  );
});

test('the CLI: reports reviewed only by default, --all-suggestions for everything, --reviewed-only for CSV', async (t) => {
  const { archive } = await fixture(t);
  const dataDir = archive.dataDir;
  await archive.close();
  const cli = async (...args: string[]) => {
    const out = await tempDir(t);
    const run = await runCli(['export', ...args, '--out', out, '--data-dir', dataDir]);
    assert.equal(run.code, 0, run.stderr);
    const [name] = await readdir(out);
    return { stdout: run.stdout, text: await readFile(join(out, name!), 'utf8') };
  };
  const report = await cli('--format', 'html');
  assert.equal(claimRows('html', report.text).length, 1);
  assert.match(report.stdout, /Only what a person confirmed: 1 unreviewed claim\(s\) and \d+ mention\(s\) left out/);
  const everything = await cli('--format', 'html', '--all-suggestions');
  assert.equal(claimRows('html', everything.text).length, 2);
  assert.match(everything.stdout, /Every suggestion included/);
  const csvAll = await cli('--format', 'csv', '--table', 'claims');
  assert.equal((parse(csvAll.text.replace(/^\uFEFF/, ''), { columns: true }) as unknown[]).length, 2);
  const csvReviewed = await cli('--format', 'csv', '--table', 'claims', '--reviewed-only');
  assert.equal((parse(csvReviewed.text.replace(/^\uFEFF/, ''), { columns: true }) as unknown[]).length, 1);
  const both = await runCli([
    'export',
    '--format',
    'html',
    '--reviewed-only',
    '--all-suggestions',
    '--out',
    dataDir,
    '--data-dir',
    dataDir,
  ]);
  assert.equal(both.code, 2);
  assert.match(both.stderr, /--reviewed-only or --all-suggestions, not both/);
});
