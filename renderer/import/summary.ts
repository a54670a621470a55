// How an import is told in a line: its progress on the top bar's button, its outcome in the status bar.
import { formatCount, formatNumber } from '../format.ts';
import type { ImportRun } from './use-import.ts';

/** "3 of 10" while a batch runs, null otherwise. */
export function importPosition(run: ImportRun): string | null {
  if (run.phase !== 'running' && run.phase !== 'cancelling') return null;
  return `${formatNumber(Math.min(run.done + 1, run.total))} of ${formatNumber(run.total)}`;
}

/** The status bar's notice: an error when nothing at all could be imported. */
export function importSummary(run: ImportRun): { kind: 'info' | 'error'; text: string } {
  return { kind: run.counts.failed > 0 && run.counts.saved === 0 ? 'error' : 'info', text: summaryText(run) };
}

function summaryText(run: ImportRun): string {
  const { saved, duplicate, failed } = run.counts;
  const parts = [
    `${formatNumber(saved)} saved`,
    duplicate ? formatCount(duplicate, 'duplicate', 'duplicates') : '',
    failed ? `${formatNumber(failed)} failed` : '',
  ].filter(Boolean);
  const head = run.skipped
    ? `Import cancelled (${formatCount(run.skipped, 'item', 'items')} not imported)`
    : 'Import finished';
  return `${head}: ${parts.join(', ')}.`;
}
