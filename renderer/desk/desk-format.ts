// The desk's words for the status bar and panel: "synced 2 min ago", offline or conflicts, and a conflict's values as text to read or edit.
import type { DeskStatus } from '../../core/model.ts';

/** "just now", "2 min ago", "3 h ago", "4 days ago": how long since an instant. */
export function timeAgo(iso: string, now = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 36) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  return `${days} ${days === 1 ? 'day' : 'days'} ago`;
}

/**
 * The status bar's item: what matters most first (a sync running: this window's, or the background
 * one the status reports; offline; conflicts), else when it last synced.
 */
export function deskLabel(status: DeskStatus, syncing: boolean, now = Date.now()): string {
  if (!status.joined) return 'Desk';
  if (syncing || status.syncing) return 'Desk · syncing…';
  if (status.offline) return isOffline(status.offline) ? 'Desk · offline' : 'Desk · sync failed';
  if (status.conflicts) return `Desk · ${status.conflicts} ${status.conflicts === 1 ? 'conflict' : 'conflicts'}`;
  if (!status.lastSyncAt) return 'Desk · not synced yet';
  return `Desk · synced ${timeAgo(status.lastSyncAt, now)}`;
}

/** A conflict's value as text: strings as they are, nothing as "(none)", anything else as JSON. */
export function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '(none)';
  return JSON.stringify(value, null, 2);
}

/** What the user typed back into a value, as the same kind of value the conflict held (JSON unless both sides were text). */
export function parseEdited(text: string, sides: unknown[]): { value: unknown } | { error: string } {
  if (sides.every((side) => typeof side === 'string' || side === null || side === undefined)) return { value: text };
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return { error: 'This field holds structured data: write it as JSON (as shown).' };
  }
}

/** The desk could not be reached (core's `unavailable`, which says "working offline"), rather than refusing us. */
export function isOffline(failure: string): boolean {
  return /cannot reach|offline/i.test(failure);
}
