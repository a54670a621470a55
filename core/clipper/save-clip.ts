// A validated clip into the archive, through the normal capture pipeline: a page as captured HTML, a selection as a quote of its page, a link fetched like a typed URL.
import type { Importer } from '../capture/importer.ts';
import { detectLanguage } from '../capture/language.ts';
import { hostOf, knownOutlet } from '../capture/page-outlets.ts';
import { clipText } from '../common/clip-text.ts';
import type { ImportResult } from '../model.ts';
import type { ArticleStore, ExtraFile } from '../store/article-store.ts';
import type { ClipBody } from './clip-body.ts';
import { ClipperError } from './clipper-error.ts';

export type ClipAnswer =
  { status: 'saved'; id: string; title: string } | { status: 'duplicate'; id: string; title: string };

export async function saveClip(importer: Importer, store: ArticleStore, clip: ClipBody): Promise<ClipAnswer> {
  // The screenshot is of the tab: evidence for a page or a selection on it, not for a link's target.
  const files: ExtraFile[] =
    clip.screenshot && clip.kind !== 'link'
      ? [{ role: 'screenshot', bytes: clip.screenshot, suffix: '.screenshot.png', mediaType: 'image/png' }]
      : [];
  let results: ImportResult[];
  if (clip.kind === 'page')
    results = await importer.fromBytes(
      {
        bytes: Buffer.from(clip.html!, 'utf8'),
        name: clip.url,
        // The DOM was serialized to a JS string: its bytes are UTF-8 whatever the page's meta says.
        mediaType: 'text/html; charset=utf-8',
        origin: clip.url,
        method: 'clipper',
      },
      undefined,
      { files },
    );
  else if (clip.kind === 'selection') results = await importer.fromItems([quoteOf(clip)], { files, quote: true });
  else results = await importer.fromUrl(clip.linkUrl!);
  return answerFor(results, store, clip.kind === 'link');
}

/** The selection as an article of its own: the quoted words, with the page as its source and URL. */
function quoteOf(clip: ClipBody) {
  const text = clip.selection!.trim();
  const bytes = Buffer.from(text, 'utf8');
  const pageTitle = clip.title.trim() || hostOf(clip.url) || clip.url;
  return {
    ok: true as const,
    item: clip.url,
    article: {
      title: clipText(`Quote from ${pageTitle}`, 1000),
      source: knownOutlet(clip.url) ?? hostOf(clip.url),
      url: clip.url,
      byline: '',
      publishedAt: null,
      modifiedAt: null,
      language: detectLanguage(text),
      text,
      // Plain text: no markup of the page's reaches the archive this way.
      html: '',
      dateline: '',
      wireCredits: [],
      extraction: 'selection' as const,
    },
    capture: {
      bytes,
      mediaType: 'text/plain; charset=utf-8',
      encoding: 'utf-8',
      extension: '.txt',
      method: 'clipper' as const,
      origin: clip.url,
    },
  };
}

function answerFor(results: ImportResult[], store: ArticleStore, fetched: boolean): ClipAnswer {
  const done = results.find((r) => r.status === 'saved' || r.status === 'duplicate');
  if (done?.status === 'saved') return { status: 'saved', id: done.id!, title: done.title ?? '' };
  if (done?.status === 'duplicate') {
    const id = done.duplicateOf!;
    return { status: 'duplicate', id, title: store.entry(id)?.title ?? done.title ?? '' };
  }
  const reason = results[0]?.error ?? 'Nothing could be saved from this clip.';
  // A link the app could not fetch is the far site's failure; anything else is what was sent.
  throw fetched ? new ClipperError(502, 'unreachable', reason) : new ClipperError(400, 'invalid', reason);
}
