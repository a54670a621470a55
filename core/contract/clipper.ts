// The contract's clipper methods: pairing requests to approve or refuse, paired extensions to revoke, and the files a clip keeps beside its article.
import { z } from 'zod';
import { ArticleId, ClipperClientId, FileAttachment, PairingRequestId } from '../model.ts';
import { method } from './method.ts';

export const clipperMethods = {
  /** The clipper's listener (its URL, or why it is off), the pairing requests waiting, and the paired extensions. */
  getClipper: method(z.tuple([]), (s) => s.clipper.overview()),
  /** Yes to a pairing request (its code matches the extension's popup): the extension gets its token at its next poll. */
  approveClipperRequest: method(z.tuple([PairingRequestId]), (s, id) => s.clipper.pairing.approve(id)),
  /** No to a pairing request: the extension is told, and nothing is stored. */
  refuseClipperRequest: method(z.tuple([PairingRequestId]), (s, id) => s.clipper.pairing.refuse(id)),
  /** The extension's token stops working at once; it stays listed, revoked, and must pair again. */
  revokeClipperClient: method(z.tuple([ClipperClientId]), (s, id) => s.clipper.pairing.revoke(id)),
  /** A file the article keeps beside it (the clip's screenshot), base64: images only, never the captured HTML. */
  getAttachment: method(z.tuple([ArticleId, FileAttachment.shape.name]), (s, id, name) =>
    s.clipper.attachment(id, name),
  ),
};
