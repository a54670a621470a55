// The contract's subscription methods: follow feeds (or an OPML list), list, change and unfollow them, refresh now.
import { z } from 'zod';
import { FollowOptions, FollowTarget, SubscriptionId, SubscriptionPatch } from '../model.ts';
import { method } from './method.ts';

export const subscriptionMethods = {
  /** Follows a feed URL, or every feed of an OPML list given as text; `skipped` says which were not and why. */
  followFeeds: method(z.tuple([FollowTarget, FollowOptions.optional()]), (s, target, options) =>
    s.subscriptions.add(target, options),
  ),
  /** The followed feeds with their health (last checked, last new item, last error, failures) and next check. */
  listSubscriptions: method(z.tuple([]), (s) => s.subscriptions.list()),
  /** Renames, moves to a folder, changes the interval, pauses or resumes. */
  updateSubscription: method(z.tuple([SubscriptionId, SubscriptionPatch]), (s, id, patch) =>
    s.subscriptions.update(id, patch),
  ),
  /** Stops following; what was saved from it stays. */
  unfollowFeed: method(z.tuple([SubscriptionId]), (s, id) => s.subscriptions.remove(id)),
  /** Refreshes now: these subscriptions, or every unpaused one. One result per subscription. */
  refreshSubscriptions: method(z.tuple([z.array(SubscriptionId).max(5000).optional()]), (s, ids) =>
    s.subscriptions.refreshNow(ids),
  ),
  /** The subscriptions as an OPML 2.0 list (folders as outlines), for another reader or another archive. */
  subscriptionsAsOpml: method(z.tuple([]), (s) => s.subscriptions.toOpml()),
  /** Pauses (true) or resumes (false) refreshing on schedule; kept across restarts. */
  pauseRefreshing: method(z.tuple([z.boolean()]), (s, paused) => s.subscriptions.pauseSchedule(paused)),
};
