// Addresses a URL from a file or a feed may not reach (loopback, link-local, private) unless the user allowed it.
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { ArchiveError } from '../errors.ts';

const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  blocked.addSubnet(net, prefix, 'ipv6');

/** NEWSDESK_ALLOW_PRIVATE_NETWORK=1 (the CLI, tests) lets feeds reach the local network; so does archive.json's `allowPrivateNetwork`. */
export function privateNetworkAllowed(): boolean {
  return process.env.NEWSDESK_ALLOW_PRIVATE_NETWORK === '1';
}

export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1]!, 'ipv4');
  const family = isIP(address);
  return family === 4 ? blocked.check(address, 'ipv4') : family === 6 ? blocked.check(address, 'ipv6') : true;
}

/**
 * Refuses a URL that is not http(s) or whose host resolves to a private address. The name is resolved
 * here and again by the request (a rebinding DNS server could answer differently the second time):
 * a known gap, closed only by pinning the address in the HTTP agent.
 */
export async function assertPublicUrl(url: string, allowPrivate = privateNetworkAllowed()): Promise<void> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ArchiveError('invalid', `"${url.slice(0, 200)}" is not a URL.`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new ArchiveError('invalid', `${parsed.protocol} links are not followed: only http and https.`);
  if (allowPrivate) return;
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  const inside = addresses.find(isPrivateAddress);
  if (inside)
    throw new ArchiveError(
      'invalid',
      `${parsed.host} is on a private network (${inside}): links from feeds and files may not reach it unless allowed in settings (allowPrivateNetwork, or NEWSDESK_ALLOW_PRIVATE_NETWORK=1); a feed URL you type may.`,
    );
}
