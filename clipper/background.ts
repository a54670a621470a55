// The background worker: context-menu entries, the popup's requests, pairing that survives the popup closing, auto-capture.
import { captureLoadedTab, forgetRevokedSites } from './auto-capture.ts';
import { clipTab, type ClipRequest } from './clip.ts';
import { reason } from './capture.ts';
import type { Message, Reply } from './messages.ts';
import { resumePairing, startPairing } from './pairing.ts';
import type { Outcome } from './settings.ts';

const MENU = { page: 'newsdesk-page', selection: 'newsdesk-selection', link: 'newsdesk-link' } as const;

chrome.runtime.onInstalled.addListener(() => {
  void chrome.contextMenus.removeAll().then(() => {
    chrome.contextMenus.create({ id: MENU.page, title: 'Save this page to Newsdesk', contexts: ['page'] });
    chrome.contextMenus.create({
      id: MENU.selection,
      title: 'Save the selection to Newsdesk',
      contexts: ['selection'],
    });
    chrome.contextMenus.create({ id: MENU.link, title: 'Save the link to Newsdesk', contexts: ['link'] });
  });
});

// A menu click grants activeTab for the tab, so the screenshot works here as it does from the popup.
chrome.contextMenus.onClicked.addListener((info, tab) => {
  if (tab?.id === undefined) return;
  const kind = info.menuItemId === MENU.link ? 'link' : info.menuItemId === MENU.selection ? 'selection' : 'page';
  void clip({
    kind,
    tabId: tab.id,
    windowId: tab.windowId,
    linkUrl: info.linkUrl,
    selectionText: info.selectionText,
  });
});

// Registered at the top level: a stopped worker is woken for these events only if they are.
chrome.tabs.onUpdated.addListener((tabId, change, tab) => void captureLoadedTab(tabId, change, tab));
chrome.permissions.onRemoved.addListener((removed) => void forgetRevokedSites(removed));

chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  handle(message as Message).then(sendResponse, (error: unknown) =>
    sendResponse({ error: reason(error) } satisfies Reply),
  );
  return true; // Answers later: sendResponse after the await.
});

async function handle(message: Message): Promise<Reply> {
  switch (message.type) {
    case 'pair':
      return { pairing: await startPairing(message.name) };
    case 'resume-pairing':
      void resumePairing();
      return { ok: true };
    case 'clip':
      return { outcome: await clip(message) };
  }
}

/** Saves and shows the outcome on the toolbar button too, for saves made from a menu with no popup open. */
async function clip(request: ClipRequest): Promise<Outcome> {
  const outcome = await clipTab(request);
  const tabId = request.tabId;
  await chrome.action.setBadgeBackgroundColor({ color: outcome.ok ? '#2e7d32' : '#c62828', tabId });
  await chrome.action.setBadgeText({ text: outcome.ok ? '✓' : '!', tabId });
  return outcome;
}
