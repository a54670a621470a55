// The contract's team desk methods (issue 18): join and leave a desk, sync, and the conflicts merges left with their resolution.
import { z } from 'zod';
import { JoinDeskInput, ResolveChoice } from '../model.ts';
import { method } from './method.ts';

export const deskMethods = {
  /** Joined or not, the desk's URL, user and analyst, the last sync, changes waiting to go up, open conflicts, and why the last sync failed. */
  getDesk: method(z.tuple([]), (s) => s.desk.status()),
  /** Joins the desk at a database URL as this analyst; the password comes from the credentials provider, never this call. Refused (nothing written) when the desk cannot be reached or refuses the user. */
  joinDesk: method(z.tuple([JoinDeskInput]), (s, input) => afterwards(s.desk.join(input), () => s.analyst.refresh())),
  /** Leaves the desk; every document stays in this archive. */
  leaveDesk: method(z.tuple([]), (s) => afterwards(s.desk.leave(), () => s.analyst.refresh())),
  /** Pulls the desk's changes (merging where both sides changed) then pushes this archive's: `{pushed, pulled, conflicts}`. */
  syncDesk: method(z.tuple([]), (s) => s.desk.sync()),
  /** The open conflicts: the document, the field, each value with who set it and when. */
  listDeskConflicts: method(z.tuple([]), (s) => s.desk.conflicts()),
  /** Resolves one conflict (`<doc id>#<field>`) with mine, theirs or a value; it is resolved for everyone at the next sync. */
  resolveDeskConflict: method(z.tuple([z.string().min(3).max(400), ResolveChoice]), (s, id, choice) =>
    s.desk.resolve(id, choice),
  ),
};

/** The analyst's name is read again once desk.json is written (or not, when the join failed): edits from then on carry it. */
async function afterwards<T>(done: Promise<T>, then: () => Promise<void>): Promise<T> {
  try {
    return await done;
  } finally {
    await then();
  }
}
