// The chrome.* calls the clipper makes, typed by hand: @types/chrome is not installed here (Firefox answers to chrome.* in MV3 too).

declare namespace chrome {
  interface Event<Listener> {
    addListener(listener: Listener): void;
  }

  namespace tabs {
    interface Tab {
      id?: number;
      windowId: number;
      url?: string;
      title?: string;
      active: boolean;
    }
    interface ChangeInfo {
      status?: 'loading' | 'complete' | 'unloaded';
      url?: string;
    }
    function query(query: {
      active?: boolean;
      currentWindow?: boolean;
      lastFocusedWindow?: boolean;
      url?: string | string[];
    }): Promise<Tab[]>;
    function get(tabId: number): Promise<Tab>;
    /** The tab's url is there only for sites the extension has host permission for (no `tabs` permission asked). */
    const onUpdated: Event<(tabId: number, changeInfo: ChangeInfo, tab: Tab) => void>;
    function captureVisibleTab(
      windowId: number,
      options: { format: 'png' | 'jpeg'; quality?: number },
    ): Promise<string>;
  }

  namespace scripting {
    interface InjectionResult<T> {
      frameId: number;
      result?: T;
    }
    function executeScript<T>(injection: {
      target: { tabId: number; frameIds?: number[] };
      func: () => T;
    }): Promise<InjectionResult<Awaited<T>>[]>;
  }

  namespace contextMenus {
    type Context = 'page' | 'selection' | 'link' | 'frame' | 'image' | 'all';
    interface OnClickData {
      menuItemId: string | number;
      pageUrl?: string;
      linkUrl?: string;
      selectionText?: string;
    }
    function create(properties: { id: string; title: string; contexts: Context[] }): void;
    function removeAll(): Promise<void>;
    const onClicked: Event<(info: OnClickData, tab?: tabs.Tab) => void>;
  }

  namespace storage {
    interface StorageChange {
      oldValue?: unknown;
      newValue?: unknown;
    }
    interface StorageArea {
      get(keys: string | string[]): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      remove(keys: string | string[]): Promise<void>;
    }
    const local: StorageArea;
    /** Kept while the browser runs, across service-worker restarts. */
    const session: StorageArea;
    const onChanged: Event<(changes: Record<string, StorageChange>, areaName: string) => void>;
  }

  namespace action {
    function setBadgeText(details: { text: string; tabId?: number }): Promise<void>;
    function setBadgeBackgroundColor(details: { color: string; tabId?: number }): Promise<void>;
    function setTitle(details: { title: string; tabId?: number }): Promise<void>;
  }

  namespace permissions {
    interface Permissions {
      origins?: string[];
      permissions?: string[];
    }
    /** Must be called in a user gesture (a click's handler, before any await), or the browser refuses. */
    function request(permissions: Permissions): Promise<boolean>;
    function remove(permissions: Permissions): Promise<boolean>;
    const onRemoved: Event<(permissions: Permissions) => void>;
  }

  namespace runtime {
    interface MessageSender {
      id?: string;
      url?: string;
    }
    const onInstalled: Event<() => void>;
    const onStartup: Event<() => void>;
    const onMessage: Event<
      (message: unknown, sender: MessageSender, sendResponse: (response: unknown) => void) => boolean | void
    >;
    function sendMessage(message: unknown): Promise<unknown>;
  }
}
