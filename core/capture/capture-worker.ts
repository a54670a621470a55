// A thread that extracts pages, texts and feeds for capture-workers.ts: the archive's own thread stays free to save.
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { captureDocument } from './capture-document.ts';
import type { CaptureJob, CaptureReply } from './capture-workers.ts';

// On Linux a nice value belongs to the thread: extraction gives way to the archive's thread, which
// answers the UI (two cores, two busy extraction threads: it waited 50-100 ms for a turn). Elsewhere
// the value is the whole process's, so it is left alone there.
if (process.platform === 'linux') setPriority(10);

parentPort!.on('message', ({ id, request }: CaptureJob) => {
  // captureDocument turns every failure into a per-item result: nothing here throws for a bad page.
  parentPort!.postMessage({ id, result: captureDocument(request) } satisfies CaptureReply);
});
