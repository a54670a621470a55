// What the user sees before a link leaves the app: the full address, its real host spelled out, and Cancel as the default.
import { domainToUnicode } from 'node:url';
import { isExternalLink } from './app-url.ts';

export const OPEN_BUTTON = 1;

export type ExternalLinkPrompt = {
  /** The address that is opened if the user agrees: the parsed and re-serialized one, not the raw text. */
  url: string;
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
  noLink: true;
};

/**
 * The confirmation for opening `url` in the user's browser, or null when it is no web link at all.
 * Links come from archived pages, so the host is named on its own line: a link text or a user name
 * (`https://reuters.com@evil.example/`) cannot pass one site off as another, and an international
 * name is shown both ways (`xn--…` and its letters), so a look-alike spelling is visible.
 */
export function externalLinkPrompt(url: string): ExternalLinkPrompt | null {
  if (!isExternalLink(url)) return null;
  const parsed = new URL(url);
  const unicode = domainToUnicode(parsed.hostname);
  const site = unicode && unicode !== parsed.hostname ? `${parsed.hostname} (${unicode})` : parsed.hostname;
  const lines = [parsed.href, '', `Site: ${site}`];
  if (parsed.username || parsed.password) lines.push('The address carries a user name: the site is the one above.');
  if (parsed.protocol === 'http:') lines.push('Not encrypted (http).');
  return {
    url: parsed.href,
    title: 'Open link',
    message: 'Open this address in your web browser?',
    detail: lines.join('\n'),
    buttons: ['Cancel', 'Open in browser'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
}
