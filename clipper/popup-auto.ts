// The popup's auto-capture controls: the switch for the active tab's site, and every site on with its Off button.
import { patternFor, readSites, siteOf, turnOff, turnOn } from './auto-sites.ts';
import { reason } from './capture.ts';

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;

/** Known before the click: permissions.request must be called inside the click's gesture, with no await before it. */
let current: string | undefined;

export async function renderAuto(tab: chrome.tabs.Tab | undefined, clipperPort: number): Promise<void> {
  current = siteOf(tab?.url, clipperPort);
  const sites = Object.values(await readSites());
  $('auto').hidden = !current && sites.length === 0;
  $('auto-here').hidden = !current;
  $('auto-site').textContent = current ? new URL(current).host : '';
  $<HTMLInputElement>('auto-switch').checked = sites.some((site) => site.origin === current);
  $('auto-all-off').hidden = sites.length === 0;
  $('auto-sites').replaceChildren(
    ...sites.map((site) => {
      const item = document.createElement('li');
      const saved = `${site.saved} saved${site.last ? `; last try: ${site.last}` : ''}`;
      item.append(`${site.origin} (${saved}) `);
      const off = document.createElement('button');
      off.type = 'button';
      off.textContent = 'Off';
      off.addEventListener('click', () => void turnOff([site.origin]));
      item.append(off);
      return item;
    }),
  );
}

function say(message: string): void {
  $('auto-note').hidden = !message;
  $('auto-note').textContent = message;
}

$('auto-switch').addEventListener('change', (event) => {
  const toggle = event.currentTarget as HTMLInputElement;
  const site = current;
  if (!site) return;
  say('');
  if (!toggle.checked) return void turnOff([site]);
  // The browser asks the user here for a site not granted yet; the switch stays off if they say no.
  chrome.permissions.request({ origins: [patternFor(site)] }).then(
    (granted) => (granted ? turnOn(site) : refused(toggle, 'Not allowed: the browser kept this site closed.')),
    (error: unknown) => refused(toggle, reason(error)),
  );
});

function refused(toggle: HTMLInputElement, message: string): void {
  toggle.checked = false;
  say(message);
}

$('auto-all-off').addEventListener('click', () => void readSites().then((sites) => turnOff(Object.keys(sites))));
