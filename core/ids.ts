// Random ids for entities, mentions, merges, claims, claim groups, saved searches and collections: short enough to read, random enough never to collide between archives.
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** `length` characters of [0-9a-z]; each byte is reduced mod 36, a bias too small to matter for ids. */
function randomId(length: number): string {
  let id = '';
  for (const byte of randomBytes(length)) id += ALPHABET[byte % 36];
  return id;
}

export const newEntityId = () => `ent_${randomId(16)}`;
export const newMentionId = () => `m_${randomId(10)}`;
export const newMergeId = () => `mrg_${randomId(12)}`;
export const newClaimId = () => `c_${randomId(10)}`;
export const newClaimGroupId = () => `cg_${randomId(12)}`;
export const newSavedSearchId = () => `ss_${randomId(10)}`;
export const newCollectionId = () => `col_${randomId(12)}`;
export const newWatchId = () => `w_${randomId(10)}`;
export const newAlertId = () => `al_${randomId(12)}`;
