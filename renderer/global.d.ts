// The globals the renderer relies on: the bridges the Electron preload exposes as window.archive and window.newsdeskDesktop.
import type { ArchiveBridge, DesktopBridge } from '../core/api.ts';

declare global {
  interface Window {
    /** Present in the desktop app (set by the preload); absent in browser mode, where HTTP is used. */
    archive?: ArchiveBridge;
    /** The desktop app's desk-password bridge (electron/preload.ts); absent in browser mode. */
    newsdeskDesktop?: DesktopBridge;
  }
}
