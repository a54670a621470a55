// How an article's text was got, when it is not an article found in a page: a PDF's text layer, OCR (with its confidence), a page's whole text.
import { EXTRACTION_LABELS } from '../../core/common/vocabulary.ts';
import type { Article } from '../../core/model.ts';
import { formatCount } from '../format.ts';

type Props = { article: Pick<Article, 'extraction' | 'ocrConfidence' | 'pageStarts' | 'provenance'> };

export function ExtractionMark({ article }: Props) {
  const { extraction, ocrConfidence, pageStarts, provenance } = article;
  if (extraction === 'article') return null;
  const pages = pageStarts.length ? formatCount(pageStarts.length, 'page', 'pages') : null;
  const detail =
    extraction === 'ocr'
      ? [
          ocrConfidence !== null ? `read by OCR, ${Math.round(ocrConfidence * 100)}% confidence` : 'read by OCR',
          provenance.ocrLanguages.length ? `in ${provenance.ocrLanguages.join(', ')}` : null,
          pages,
        ]
      : extraction === 'pdf'
        ? ['text layer', pages]
        : ['the page’s readable text is saved, or only its summary when it shows none'];
  return (
    <p className="extraction-mark" data-extraction={extraction} data-testid="extraction-mark">
      <span className={`extraction-chip ${extraction}`}>{EXTRACTION_LABELS[extraction]}</span>
      <span className="extraction-detail">{detail.filter(Boolean).join(' · ')}</span>
    </p>
  );
}
