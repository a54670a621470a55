// Claims across articles as pure functions: which may report the same thing, how many sources really stand behind a group, and where figures disagree.
import type { ClaimMatch, ClaimSummary } from '../model.ts';
import { agencyNamed } from '../capture/wire-credits.ts';
import { nameKey } from '../entities/registry-ops.ts';

/** A match score at which another article's claim is offered as the same claim (measured in tests/core/claim-groups.test.ts). */
export const SUGGEST_AT = 3;

/** Why two claims may report the same thing, as points and the words a monitor reads. */
export function matchClaims(a: ClaimSummary, b: ClaimSummary): Omit<ClaimMatch, 'claim'> {
  const reasons: string[] = [];
  let score = 0;
  if (a.kind === b.kind) score += 0.5;
  for (const qa of a.quantities)
    for (const qb of b.quantities) {
      if (qa.outcome === null || qa.outcome !== qb.outcome) continue;
      const sameWho = qa.category === qb.category || qa.category === null || qb.category === null;
      if (qa.value === qb.value && sameWho) {
        score += 3;
        reasons.push(`the same figure: ${qa.value} ${qb.category ?? ''} ${qa.outcome}`.replace(/\s+/g, ' '));
      } else if (sameWho) {
        score += 1;
        reasons.push(`another figure for the same outcome: ${qa.value} against ${qb.value} ${qa.outcome}`);
      }
    }
  const places = a.placeIds.filter((id) => b.placeIds.includes(id));
  if (places.length) {
    score += 2;
    reasons.push(places.length === 1 ? 'the same place' : `${places.length} places in common`);
  }
  const days = dayDistance(a.eventDate ?? a.publishedAt, b.eventDate ?? b.publishedAt);
  if (days !== null && days <= 2) {
    score += 1.5;
    reasons.push(days === 0 ? 'the same day' : `${days} day${days === 1 ? '' : 's'} apart`);
  } else if (days !== null && days > 7) score -= 3;
  const similar = wordSimilarity(a.text, b.text);
  if (similar >= 0.2) {
    score += similar * 4;
    reasons.push(`${Math.round(similar * 100)}% of the words in common`);
  }
  if (a.storyId && a.storyId === b.storyId) {
    score += 2;
    reasons.push('copies of the same story');
  }
  return { score: Math.round(score * 100) / 100, reasons };
}

/**
 * What a claim's source goes by, for counting independent ones, the likeliest first: each wire agency
 * it came through that its article credits (and the outlet itself when that is an agency), its story
 * (syndicated copies) and its outlet. Claims that share any of these are one source: Reuters' own
 * report and MENAFN's copy of it are one, however each was recorded.
 */
export function sourceKeys(claim: ClaimSummary): { key: string; label: string }[] {
  const label = claim.outlet || 'an unnamed outlet';
  const credited = new Set(claim.wireCredits.map(nameKey));
  const wires = claim.via.map((name) => agencyNamed(name) ?? name).filter((name) => credited.has(nameKey(name)));
  const outletIsWire = agencyNamed(claim.outlet);
  if (outletIsWire) wires.push(outletIsWire);
  const keys = [...new Set(wires)].map((name) => ({ key: `wire:${nameKey(name)}`, label: name }));
  if (claim.storyId) keys.push({ key: `story:${claim.storyId}`, label });
  keys.push({ key: `outlet:${nameKey(claim.outlet) || claim.articleId}`, label });
  return keys;
}

/** Independent sources: claims joined whenever they share a key (union-find), each set named by its likeliest key. */
export function countSources(claims: ClaimSummary[]): { key: string; label: string; claims: number }[] {
  const keys = claims.map(sourceKeys);
  const parent = claims.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const owner = new Map<string, number>();
  keys.forEach((own, i) => {
    for (const { key } of own) {
      const other = owner.get(key);
      if (other === undefined) owner.set(key, i);
      else parent[root(i)] = root(other);
    }
  });
  const rank = (key: string) => ['wire:', 'story:', 'outlet:'].findIndex((kind) => key.startsWith(kind));
  const sources = new Map<number, { key: string; label: string; claims: number }>();
  keys.forEach((own, i) => {
    const found = sources.get(root(i));
    if (!found) sources.set(root(i), { ...own[0]!, claims: 1 });
    else {
      found.claims++;
      if (rank(own[0]!.key) < rank(found.key)) Object.assign(found, own[0]);
    }
  });
  return [...sources.values()].sort((a, b) => b.claims - a.claims || a.label.localeCompare(b.label));
}

/**
 * Figures for one outcome and category that are not all the same. A figure with no category ("27
 * killed") is set against every category of its outcome ("31 civilians killed"), as matchClaims does.
 */
export function findConflicts(
  claims: ClaimSummary[],
): { outcome: string | null; category: string | null; values: number[] }[] {
  const byOutcome = new Map<string, Map<string | null, Set<number>>>();
  for (const claim of claims)
    for (const q of claim.quantities) {
      if (q.outcome === null) continue;
      const byCategory = byOutcome.get(q.outcome) ?? new Map<string | null, Set<number>>();
      byCategory.set(q.category, (byCategory.get(q.category) ?? new Set()).add(q.value));
      byOutcome.set(q.outcome, byCategory);
    }
  const conflicts: { outcome: string | null; category: string | null; values: number[] }[] = [];
  for (const [outcome, byCategory] of byOutcome) {
    const uncounted = byCategory.get(null) ?? new Set<number>();
    const named = [...byCategory].filter(([category]) => category !== null);
    const sets: [string | null, Set<number>][] = named.length
      ? named.map(([category, values]) => [category, new Set([...values, ...uncounted])])
      : [[null, uncounted]];
    for (const [category, values] of sets)
      if (values.size > 1) conflicts.push({ outcome, category, values: [...values].sort((a, b) => a - b) });
  }
  return conflicts;
}

/** A day, month or year (or an instant's day) as its first and last day, in days since 1970. */
function period(iso: string): [number, number] | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
  if (!match) return null;
  const [year, month, day] = [
    Number(match[1]),
    match[2] ? Number(match[2]) - 1 : null,
    match[3] ? Number(match[3]) : null,
  ];
  const first = Date.UTC(year, month ?? 0, day ?? 1);
  const last = day !== null ? first : month !== null ? Date.UTC(year, month + 1, 0) : Date.UTC(year, 11, 31);
  return [first / 86_400_000, last / 86_400_000];
}

/** Days between two dates; a month or a year is as precise as it gets, so any day within it is 0 away. */
function dayDistance(a: string | null, b: string | null): number | null {
  const [p, q] = [a && period(a), b && period(b)];
  if (!p || !q) return null;
  if (p[1] < q[0]) return q[0] - p[1];
  if (q[1] < p[0]) return p[0] - q[1];
  return 0;
}

const STOP = new Set(
  'the a an of in on at to and or for by with from that this was were is are has have had been be as its it their'.split(
    ' ',
  ),
);

/** Jaccard similarity of the content words. */
function wordSimilarity(a: string, b: string): number {
  const words = (text: string) =>
    new Set(
      nameKey(text)
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w && !STOP.has(w)),
    );
  const [x, y] = [words(a), words(b)];
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return common / (x.size + y.size - common);
}
