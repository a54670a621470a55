// The contract's claim methods: claims in one article (made, edited, reviewed), across the archive, and their groups.
import { z } from 'zod';
import {
  ArticleId,
  ClaimGroupId,
  ClaimGroupInput,
  ClaimGroupPatch,
  ClaimId,
  ClaimInput,
  ClaimPatch,
  ClaimQuery,
  ClaimReview,
} from '../model.ts';
import { method } from './method.ts';

export const claimMethods = {
  /** The user makes a claim of selected words; what they leave out is filled in as the rules would. */
  addClaim: method(z.tuple([ArticleId, ClaimInput]), (s, id, input) => s.claims.add(id, input)),
  /** Edit any field of a claim: text, claimant, chain, target, kind, hedges, figures, date, places, status, note. */
  updateClaim: method(z.tuple([ArticleId, ClaimId, ClaimPatch]), (s, id, claimId, patch) =>
    s.claims.update(id, claimId, patch),
  ),
  /** Confirm, reject or remove claims of one article. */
  reviewClaims: method(z.tuple([ArticleId, ClaimReview]), (s, id, review) => s.claims.review(id, review)),
  /** Claims across the archive, filtered, newest event first. */
  listClaims: method(z.tuple([ClaimQuery.prefault({})]), (s, query) => s.claims.list(query)),
  /** Claims of other articles that may report the same thing as this one, best first, with the reasons. */
  findClaimMatches: method(z.tuple([ArticleId, ClaimId]), (s, id, claimId) => s.claims.findMatches(id, claimId)),
  /** Put claims into one group (a new one, or an existing one): the same thing reported across articles. */
  groupClaims: method(z.tuple([ClaimGroupInput]), (s, input) => s.claims.group(input)),
  ungroupClaim: method(z.tuple([ArticleId, ClaimId]), (s, id, claimId) => s.claims.ungroup(id, claimId)),
  getClaimGroup: method(z.tuple([ClaimGroupId]), (s, id) => s.claims.getGroup(id)),
  /** Every group with its claims, independent sources and conflicting figures. */
  listClaimGroups: method(z.tuple([]), (s) => s.claims.listGroups()),
  /** Relabel a group or edit its note. */
  updateClaimGroup: method(z.tuple([ClaimGroupId, ClaimGroupPatch]), (s, id, patch) => s.claims.updateGroup(id, patch)),
};
