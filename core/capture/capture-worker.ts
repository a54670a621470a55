// A thread that extracts pages, texts and feeds for capture-workers.ts: the archive's own thread stays free to save.
import { parentPort } from 'node:worker_threads';
import { captureDocument } from './capture-document.ts';
import type { CaptureJob, CaptureReply } from './capture-workers.ts';

parentPort!.on('message', ({ id, request }: CaptureJob) => {
  // captureDocument turns every failure into a per-item result: nothing here throws for a bad page.
  parentPort!.postMessage({ id, result: captureDocument(request) } satisfies CaptureReply);
});
