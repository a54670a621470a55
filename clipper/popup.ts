// The toolbar popup: is the app reachable, is it paired, pair, save the page or the selection, and what came of the last save.
import { getStatus } from './app-client.ts';
import { reason } from './capture.ts';
import type { ClipKind } from './protocol.ts';
import { ask } from './messages.ts';
import { renderAuto } from './popup-auto.ts';
import { connection, forgetToken, readSettings, setPort, validPort, type Outcome } from './settings.ts';

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;

/** What the app's approval prompt shows as the asker, e.g. "Chromium on Linux". */
function browserName(): string {
  const agent = navigator.userAgent;
  const browser = /Firefox\//.test(agent)
    ? 'Firefox'
    : /Edg\//.test(agent)
      ? 'Edge'
      : /Chromium\//.test(agent) || /HeadlessChrome/.test(agent)
        ? 'Chromium'
        : 'Chrome';
  const system = /Windows/.test(agent)
    ? 'Windows'
    : /Mac OS/.test(agent)
      ? 'macOS'
      : /Linux/.test(agent)
        ? 'Linux'
        : '';
  return system ? `${browser} on ${system}` : browser;
}

async function render(): Promise<void> {
  const settings = await readSettings();
  const target = await connection();
  if (document.activeElement !== $('port')) $<HTMLInputElement>('port').value = String(target.port);
  showOutcome(settings.outcome);
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  await renderAuto(tab, target.port);
  let paired: boolean;
  try {
    const status = await getStatus(target);
    paired = status.paired;
    $('status').textContent = `Newsdesk ${status.version} on port ${target.port}: ${paired ? 'paired' : 'not paired'}.`;
  } catch (error) {
    $('status').textContent = reason(error);
    $('pair').hidden = $('save').hidden = true;
    return;
  }
  $('save').hidden = !paired;
  $('pair').hidden = paired;
  const pairing = paired ? undefined : settings.pairing;
  const waiting = pairing !== undefined && !pairing.ended;
  $('pair-button').hidden = waiting;
  $('pair-code').hidden = !waiting;
  $('code').textContent = pairing?.code ?? '';
  $('pair-ended').hidden = !pairing?.ended;
  $('pair-ended').textContent =
    pairing?.ended === 'refused' ? 'Refused in Newsdesk.' : 'The pairing request expired: pair again.';
  // The worker may have been stopped since the request began; it polls again on being asked.
  if (waiting) await ask({ type: 'resume-pairing' });
}

function showOutcome(outcome: Outcome | undefined): void {
  const shown = $('outcome');
  shown.hidden = !outcome;
  if (!outcome) return;
  shown.className = outcome.ok ? 'ok' : 'failed';
  shown.textContent = outcome.ok && outcome.title ? `${outcome.message}: “${outcome.title}”` : outcome.message;
  if (outcome.openUrl) {
    const link = document.createElement('a');
    link.href = outcome.openUrl;
    link.target = '_blank';
    link.textContent = ' Open in Newsdesk';
    shown.append(link);
  }
}

async function save(kind: ClipKind): Promise<void> {
  $('outcome').hidden = false;
  $('outcome').className = '';
  $('outcome').textContent = 'Saving…';
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return showOutcome({ ok: false, message: 'No tab to save.', at: '' });
  const reply = await ask({ type: 'clip', kind, tabId: tab.id, windowId: tab.windowId });
  showOutcome('outcome' in reply ? reply.outcome : { ok: false, message: errorOf(reply), at: '' });
}

const errorOf = (reply: object): string => ('error' in reply ? String(reply.error) : 'No answer.');

$('pair-button').addEventListener('click', () => {
  void ask({ type: 'pair', name: browserName() }).then((reply) => {
    if ('error' in reply) $('status').textContent = reply.error;
  });
});
$('save-page').addEventListener('click', () => void save('page'));
$('save-selection').addEventListener('click', () => void save('selection'));
$('forget').addEventListener('click', () => void forgetToken());
$('settings').addEventListener('submit', (event) => {
  event.preventDefault();
  const port = validPort($<HTMLInputElement>('port').value);
  if (port) void setPort(port).then(render);
});
// The worker writes the token, the pairing's end and menu saves' outcomes here: redraw on each.
chrome.storage.onChanged.addListener(() => void render());
void render();
