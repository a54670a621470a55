// The HTML report in Chromium: it renders from a file with no request beyond itself, and prints to PDF; plus the docs screenshot.
import { expect, test } from '@playwright/test';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openArchive } from '../../core/archive.ts';
import type { ClaimPatch } from '../../core/model.ts';

const ROOT = resolve(import.meta.dirname, '../..');

// Our own invented week of reporting on one strike, as a monitor would have collected it.
const STORIES = [
  {
    file: 'gazette.txt',
    title: 'Artillery strike on Velmora market kills at least 14',
    source: 'Harbour Gazette',
    byline: 'Mira Castell',
    publishedAt: '2026-03-13T08:30:00+02:00',
    url: 'https://harbour-gazette.example/2026/03/velmora-market',
    tags: ['velmora', 'casualties', 'shelling'],
    text:
      'VELMORA, 12 March (Reuters) - At least 14 civilians were killed when artillery struck the covered market in Velmora ' +
      'on Wednesday morning, a UN official told Reuters. The Ostrava Brigade denied responsibility for the strike and ' +
      'blamed government forces.\n\n' +
      'Dr Lena Markovic, who runs the Velmora district hospital, said 40 wounded people had been admitted overnight and ' +
      'that supplies of blood were running low. The brigade has reportedly moved two artillery batteries closer to the river.\n\n' +
      'The market had reopened in January after a year of repairs.',
  },
  {
    file: 'courier.txt',
    title: 'Velmora toll rises to 19, regional authorities say',
    source: 'Coastal Courier',
    byline: 'Staff reporter',
    publishedAt: '2026-03-14',
    url: 'https://coastal-courier.example/news/velmora-toll',
    tags: ['velmora', 'casualties'],
    text:
      'Regional authorities said 19 people died in the market strike in Velmora, a higher toll than the figure given by ' +
      'the United Nations on Wednesday.\n\n' +
      'Residents queued for water near the old bridge on Thursday as the Velmora Water Board restored supply to two districts.',
  },
  {
    file: 'bulletin.txt',
    title: 'Brigade says it holds the northern road into Velmora',
    source: 'Frontline Bulletin',
    byline: '',
    publishedAt: '2026-03-11',
    url: 'https://frontline-bulletin.example/brigade-road',
    tags: ['velmora', 'territorial control'],
    text:
      'A spokesman for the Ostrava Brigade said its fighters had taken control of the northern road into Velmora, ' +
      'according to AFP. Government forces did not comment.\n\nThe claim could not be independently verified.',
  },
];

async function writeReport(dataDir: string): Promise<string> {
  const archive = await openArchive(dataDir);
  try {
    const velmora = await archive.createEntity({ name: 'Velmora', type: 'location' });
    const brigade = await archive.createEntity({ name: 'Ostrava Brigade', type: 'group' });
    const markovic = await archive.createEntity({ name: 'Lena Markovic', type: 'person' });
    const un = await archive.createEntity({ name: 'United Nations', type: 'organization', aliases: ['UN'] });
    const board = await archive.createEntity({ name: 'Velmora Water Board', type: 'organization' });
    const collection = await archive.createCollection({ name: 'Weekly report: Velmora, week 11' });
    const party = (name: string) => ({ text: '', start: null, end: null, name, entityId: null });
    const ids: string[] = [];
    for (const story of STORIES) {
      const { file, text, ...fields } = story;
      // Imported as files: imports read the wire credits ("(Reuters)", "according to AFP") from the text.
      const [saved] = await archive.importDocument({
        name: file,
        data: Buffer.from(text).toString('base64'),
        mediaType: 'text/plain',
      });
      const id = saved!.id!;
      ids.push(id);
      await archive.updateArticle(id, { ...fields, language: 'en' });
      const at = (words: string, from = 0) => {
        const start = text.indexOf(words, from);
        if (start < 0) throw new Error(`"${words}" is not in ${file}`);
        return { start, end: start + words.length };
      };
      const tag = async (words: string, entityId: string) => {
        for (let from = text.indexOf(words); from >= 0; from = text.indexOf(words, from + words.length)) {
          // "Velmora" inside "Velmora Water Board" is the board's.
          if (words === 'Velmora' && text.startsWith('Velmora Water', from)) continue;
          await archive.tagSpan(id, { start: from, end: from + words.length, entityId });
        }
      };
      await tag('Velmora', velmora.id);
      await tag('Ostrava Brigade', brigade.id);
      await tag('Lena Markovic', markovic.id);
      await tag('UN', un.id);
      await tag('United Nations', un.id);
      await tag('Velmora Water Board', board.id);
      const claim = async (words: string, patch: ClaimPatch) => {
        const before = new Set((await archive.getArticle(id)).claims.map((c) => c.id));
        const made = await archive.addClaim(id, at(words));
        const added = made.claims.find((c) => !before.has(c.id))!;
        await archive.updateClaim(id, added.id, patch);
      };
      if (file === 'gazette.txt') {
        await claim('At least 14 civilians were killed when artillery struck the covered market in Velmora', {
          status: 'disputed',
          claimant: party('a UN official'),
          via: ['Reuters', 'Harbour Gazette'],
          eventDate: '2026-03-11',
          placeIds: [velmora.id],
          reviewNote: 'Regional authorities give 19 (Coastal Courier, 14 March).',
        });
        await claim('The Ostrava Brigade denied responsibility for the strike', {
          kind: 'denial',
          status: 'unverified',
          claimant: party('Ostrava Brigade'),
          via: ['Reuters', 'Harbour Gazette'],
        });
        await claim('40 wounded people had been admitted overnight', {
          status: 'corroborated',
          claimant: party('Lena Markovic'),
          via: ['Harbour Gazette'],
          reviewNote: 'Hospital confirmed by phone, 14 March.',
        });
        await claim('The brigade has reportedly moved two artillery batteries closer to the river', {
          kind: 'military-action',
          status: 'unverified',
          hedged: true,
          claimant: null,
          via: ['Harbour Gazette'],
        });
      } else if (file === 'courier.txt') {
        await claim('19 people died in the market strike in Velmora', {
          status: 'unverified',
          claimant: party('Regional authorities'),
          via: ['Coastal Courier'],
          eventDate: '2026-03-11',
          placeIds: [velmora.id],
        });
      } else {
        await claim('its fighters had taken control of the northern road into Velmora', {
          kind: 'territorial-control',
          status: 'disputed',
          claimant: party('Ostrava Brigade spokesman'),
          via: ['AFP', 'Frontline Bulletin'],
          reviewNote: 'Satellite imagery from 12 March shows a government checkpoint still on the road.',
        });
      }
    }
    await archive.updateArticle(ids[0]!, {
      notes: 'Toll disputed: UN 14, regional authorities 19. Follow up with the hospital on Monday.',
    });
    await archive.addToCollection(collection.id, ids);
    const { path } = await archive.exportToFile({ scope: { collectionId: collection.id }, format: 'html' }, dataDir);
    return path;
  } finally {
    await archive.close();
  }
}

test('the HTML report renders offline, makes no request, and prints to PDF', async ({ page }, testInfo) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'newsdesk-report-'));
  try {
    const path = await writeReport(dataDir);
    const url = pathToFileURL(path).href;
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const problems: string[] = [];
    page.on('console', (message) => problems.push(message.text()));
    page.on('pageerror', (error) => problems.push(error.message));
    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.goto(url);

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Weekly report: Velmora, week 11');
    await expect(page.getByRole('heading', { name: /^Claims/ })).toBeVisible();
    const rows = page.locator('table.claims tbody tr');
    await expect(rows).toHaveCount(6);
    await expect(rows.filter({ hasText: 'At least 14 civilians' })).toContainText(
      'a UN official→Reuters→Harbour Gazette',
    );
    await expect(page.locator('article.item')).toHaveCount(3);
    await expect(page.locator('article.item .claim mark.t-location').first()).toHaveText('Velmora');
    // The highlight is painted: a mention's background is its type's colour, not transparent.
    const background = await page
      .locator('mark.m.t-group')
      .first()
      .evaluate((mark) => getComputedStyle(mark).backgroundColor);
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
    // A claim's number in the text leads to its row.
    await page.locator('sup.claim-ref a').first().click();
    await expect(page).toHaveURL(/#claim-1$/);

    expect(requests, 'only the report itself was loaded').toEqual([url]);
    expect(problems, 'nothing in the console').toEqual([]);

    await page.evaluate(() => window.scrollTo(0, 0));
    const shot = process.env.UPDATE_SCREENSHOTS
      ? join(ROOT, 'docs/screenshots/export-report.png')
      : testInfo.outputPath('export-report.png');
    await page.screenshot({ path: shot });

    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Articles each start a page: the cover with the tables, the contents, then one page (at least) per article.
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(4);
    if (process.env.UPDATE_SCREENSHOTS)
      await testInfo.attach('report.pdf', { body: pdf, contentType: 'application/pdf' });
    expect((await readFile(path, 'utf8')).startsWith('<!doctype html>')).toBe(true);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
