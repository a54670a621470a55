// How a decided mention reads in the reader: who confirmed or tagged it and when, for its card and its tooltip.
import type { Mention } from '../../core/model.ts';
import { attributionLabel } from '../format.ts';

/** "Confirmed by alice · 5 Dec 10:02", "Tagged by bob · …"; mentions decided before attribution was kept say only what they are. */
export function decidedLabel(mention: Mention): string {
  const tagged = mention.source === 'user';
  const done = tagged ? 'Tagged' : mention.status === 'rejected' ? 'Rejected' : 'Confirmed';
  const said = attributionLabel(done, mention.statusBy, mention.statusAt);
  return said || `Confirmed${tagged ? ' (tagged by hand)' : ''}`;
}
