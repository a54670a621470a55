// The globals the renderer relies on: the bridge the Electron preload exposes as window.archive.
import type { ArchiveBridge } from '../core/api.ts';

declare global {
  interface Window {
    /** Present in the desktop app (set by the preload); absent in browser mode, where HTTP is used. */
    archive?: ArchiveBridge;
  }
}
