// The command line's clipper commands: `newsdesk clipper` lists the paired extensions, `newsdesk clipper revoke ID` stops one's token.
import type { Archive } from './archive.ts';
import { UsageError } from './cli-usage.ts';
import { invokeMethod } from './gate.ts';
import type { ClipperClientView, ClipperOverview } from './model.ts';

/**
 * Approving and refusing are not here: a pairing request lives in the memory of the process that
 * listens (the desktop app or `newsdesk serve`), which holds the folder's lock, so they happen in its UI.
 */
export function checkClipperArgs(rest: string[]): void {
  if (rest.length === 0) return;
  if (rest[0] === 'revoke' && rest.length === 2) return;
  throw new UsageError(
    'clipper takes nothing (list the paired extensions) or `revoke ID`; approve pairing requests in the app or `newsdesk serve`’s page',
  );
}

export async function runClipper(archive: Archive, rest: string[], json: boolean): Promise<number> {
  if (rest[0] === 'revoke') {
    const client = (await invokeMethod(archive, 'revokeClipperClient', [rest[1]])) as ClipperClientView;
    if (json) console.log(JSON.stringify(client));
    else console.log(`${client.id}  ${client.name}: revoked (it must pair again to clip)`);
    return 0;
  }
  const { clients } = (await invokeMethod(archive, 'getClipper', [])) as ClipperOverview;
  if (json) for (const client of clients) console.log(JSON.stringify(client));
  else {
    for (const c of clients)
      console.log(
        `${c.id}  ${c.name}  ${c.origin || '(no origin)'}  paired ${c.createdAt}  ${c.revokedAt ? `revoked ${c.revokedAt}` : `last used ${c.lastUsedAt ?? 'never'}`}`,
      );
    console.log(`${clients.length} paired extension(s)`);
  }
  return 0;
}
