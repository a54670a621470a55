// Entity merges and claim-group changes made on two laptops offline converge on a real PouchDB Server desk: every archive ends with the same registry and mentions, nothing lost.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Archive } from '../../core/archive.ts';
import type { ClaimGroup, Entity, MergeRecord } from '../../core/model.ts';
import { archivesOnDesk } from './helpers/couch-server.ts';

const TEXT =
  'The Northern Vigil Front, or NVF, took the bridge at Karovsk, near Karovsk town, a regional official said. At least 12 people were killed. Aid convoys were turned back.';
const span = (words: string) => ({ start: TEXT.indexOf(words), end: TEXT.indexOf(words) + words.length });

type Registry = { entities: Entity[]; merges: MergeRecord[]; claimGroups: ClaimGroup[] };

/** What must be the same everywhere: the registry's entities, merges and claim groups, and the article's mentions and claims. */
async function stateOf(archive: Archive, articleIds: string[]) {
  const registry = JSON.parse(await readFile(join(archive.dataDir, 'archive.json'), 'utf8')) as Registry;
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  const articles = [];
  for (const id of articleIds) {
    const { mentions, claims } = await archive.getArticle(id);
    articles.push({ mentions: [...mentions].sort(byId), claims: [...claims].sort(byId) });
  }
  return {
    entities: [...registry.entities].sort(byId),
    merges: [...registry.merges].sort(byId),
    claimGroups: [...registry.claimGroups].sort(byId),
    articles,
    conflicts: (await archive.listDeskConflicts()).sort((x, y) => x.id.localeCompare(y.id)),
  };
}

/** Syncs until nothing moves (each archive in turn), then checks they all hold the same; that state. */
async function converge(archives: Archive[], articleIds: string[], label: string) {
  for (let round = 0; round < 4; round++) {
    let moved = 0;
    for (const archive of archives) {
      const { pushed, pulled } = await archive.syncDesk();
      moved += pushed + pulled;
    }
    if (!moved) break;
  }
  for (const archive of archives)
    assert.deepEqual(await archive.syncDesk(), { pushed: 0, pulled: 0, conflicts: 0 }, `${label}: settled`);
  const [first, ...rest] = await Promise.all(archives.map((archive) => stateOf(archive, articleIds)));
  for (const other of rest) assert.deepEqual(other, first, `${label}: the same everywhere`);
  return first!;
}

/** Three archives on one desk sharing an article that mentions four entities: two groups' names, two places. */
async function deskWithEntities(t: Parameters<typeof archivesOnDesk>[0]) {
  const { archives } = await archivesOnDesk(t, 'Ana', 'Bo', 'Cy');
  const [a] = archives as [Archive, Archive, Archive];
  const front = await a.createEntity({ name: 'Northern Vigil Front', type: 'group', aliases: ['the Front'] });
  const nvf = await a.createEntity({ name: 'NVF', type: 'group', aliases: ['N.V.F.'] });
  const town = await a.createEntity({ name: 'Karovsk', type: 'location' });
  const townAlt = await a.createEntity({ name: 'Karovsk town', type: 'location', aliases: ['Karowsk'] });
  const article = await a.addArticle({ title: 'Bridge taken', text: TEXT });
  for (const [words, entity] of [
    ['Northern Vigil Front', front],
    ['NVF', nvf],
    ['Karovsk,', town],
    ['Karovsk town', townAlt],
  ] as const)
    await a.tagSpan(article.id, { ...span(words.replace(',', '')), entityId: entity.id });
  // A claim linked to one entity of each pair: merging one pair on each laptop changes two fields of it.
  const claim = (await a.addClaim(article.id, span('At least 12 people were killed'))).claims[0]!;
  await a.updateClaim(article.id, claim.id, {
    claimant: { text: 'NVF', ...span('NVF'), name: 'NVF', entityId: nvf.id },
    placeIds: [townAlt.id],
  });
  for (const archive of archives) await archive.syncDesk();
  return { archives: archives as [Archive, Archive, Archive], front, nvf, town, townAlt, article };
}

const namesOf = (state: Awaited<ReturnType<typeof stateOf>>) =>
  new Set(state.entities.flatMap((e) => [e.name, ...e.aliases]));

for (const order of ['ab', 'ba'] as const) {
  test(`two laptops merging different pairs of entities offline converge, syncing ${order}`, async (t) => {
    const { archives, front, nvf, town, townAlt, article } = await deskWithEntities(t);
    const [a, b, c] = archives;
    await a.mergeEntities(front.id, nvf.id);
    await b.mergeEntities(town.id, townAlt.id);
    const state = await converge(order === 'ab' ? [a, b, c] : [b, a, c], [article.id], order);
    assert.deepEqual(state.conflicts, []);
    assert.deepEqual(state.entities.map((e) => e.id).sort(), [front.id, town.id].sort());
    assert.equal(state.merges.length, 2);
    for (const name of ['Northern Vigil Front', 'the Front', 'NVF', 'N.V.F.', 'Karovsk', 'Karovsk town', 'Karowsk'])
      assert.ok(namesOf(state).has(name), `${order}: ${name} kept`);
    assert.deepEqual(
      state.articles[0]!.mentions.map((m) => m.entityId).sort(),
      [front.id, front.id, town.id, town.id].sort(),
    );
    const [claim] = state.articles[0]!.claims;
    assert.deepEqual(
      [claim!.claimant?.entityId, claim!.placeIds],
      [front.id, [town.id]],
      `${order}: the claim's links follow both`,
    );
  });

  test(`two laptops merging the same two entities (same way, then opposite ways) converge, syncing ${order}`, async (t) => {
    for (const opposite of [false, true]) {
      const { archives, front, nvf, article } = await deskWithEntities(t);
      const [a, b, c] = archives;
      await a.mergeEntities(front.id, nvf.id);
      if (opposite) {
        await b.mergeEntities(nvf.id, front.id);
        // Bo notes something on the entity his merge kept: the fold that undoes his merge must keep it.
        await b.updateEntity(nvf.id, { notes: 'Seen at the dam' });
      } else await b.mergeEntities(front.id, nvf.id);
      const label = `${order}${opposite ? ', opposite ways' : ''}`;
      const state = await converge(order === 'ab' ? [a, b, c] : [b, a, c], [article.id], label);
      assert.deepEqual(state.conflicts, [], label);
      const groups = state.entities.filter((e) => e.type === 'group');
      assert.equal(groups.length, 1, `${label}: one entity left of the two`);
      if (opposite) assert.match(groups[0]!.notes, /Seen at the dam/, `${label}: Bo's notes kept by the fold`);
      for (const name of ['Northern Vigil Front', 'the Front', 'NVF', 'N.V.F.'])
        assert.ok(namesOf(state).has(name), `${label}: ${name} kept`);
      assert.equal(state.merges.filter((m) => !m.undoneAt).length, 1, `${label}: one merge stands, to undo`);
      const kept = groups[0]!.id;
      const pointing = state.articles[0]!.mentions.filter((m) => m.entityId === front.id || m.entityId === nvf.id);
      assert.deepEqual(
        pointing.map((m) => m.entityId),
        [kept, kept],
        `${label}: both mentions on the entity kept`,
      );
      // The merge that stands undoes anywhere, for everyone: both entities back, each mention on its own.
      await c.undoMerge(state.merges.find((m) => !m.undoneAt)!.id);
      const undone = await converge([c, a, b], [article.id], `${label}, undone`);
      assert.deepEqual(
        undone.entities.filter((e) => e.type === 'group').map((e) => e.id),
        [front.id, nvf.id].sort(),
      );
      const mentionOf = (words: string) => undone.articles[0]!.mentions.find((m) => m.quote.exact === words)!.entityId;
      assert.deepEqual([mentionOf('Northern Vigil Front'), mentionOf('NVF')], [front.id, nvf.id], label);
    }
  });
}

test('claim groups changed on two laptops converge: a claim added while another is ungrouped, two groups made for the same claims', async (t) => {
  const { archives } = await archivesOnDesk(t, 'Ana', 'Bo', 'Cy');
  const [a, b, c] = archives as [Archive, Archive, Archive];
  const first = await a.addArticle({ title: 'Bridge taken', text: TEXT });
  const second = await a.addArticle({ title: 'Toll rises', text: TEXT });
  const claimOf = async (id: string, words: string) =>
    (await a.addClaim(id, span(words))).claims.find((x) => x.text === words)!.id;
  const c1 = await claimOf(first.id, 'At least 12 people were killed');
  const c2 = await claimOf(second.id, 'At least 12 people were killed');
  const c3 = await claimOf(first.id, 'Aid convoys were turned back');
  const c4 = await claimOf(second.id, 'Aid convoys were turned back');
  const { group } = await a.groupClaims({ members: [{ articleId: first.id, claimId: c1 }], label: 'Toll' });
  for (const archive of archives) await archive.syncDesk();
  const ids = [first.id, second.id];

  // Ana adds the second article's claim to the group while Bo takes the only member out (the group empties there).
  await a.groupClaims({ groupId: group.id, members: [{ articleId: second.id, claimId: c2 }] });
  await b.ungroupClaim(first.id, c1);
  let state = await converge([b, a, c], ids, 'add against ungroup');
  assert.deepEqual(state.conflicts, []);
  assert.deepEqual(
    state.claimGroups.map((g) => g.id),
    [group.id],
    'the group lives on: it has a member',
  );
  const groupOf = (article: number, claimId: string) =>
    state.articles[article]!.claims.find((x) => x.id === claimId)!.groupId;
  assert.deepEqual([groupOf(0, c1), groupOf(1, c2)], [null, group.id]);

  // Both make a group of the same two claims: one conflict per claim, the same on every laptop.
  const members = [
    { articleId: first.id, claimId: c3 },
    { articleId: second.id, claimId: c4 },
  ];
  const mine = await a.groupClaims({ members, label: 'Convoys' });
  const theirs = await b.groupClaims({ members, label: 'Convoys turned back' });
  state = await settle([a, b, c], ids);
  assert.deepEqual(state.conflicts.map((x) => x.label).sort(), [
    'Claim “Aid convoys were turned back” · groupId',
    'Claim “Aid convoys were turned back” · groupId',
  ]);
  for (const conflict of state.conflicts)
    assert.deepEqual(conflict.values.map((v) => v.value).sort(), [mine.group.id, theirs.group.id].sort());
  // Resolved once for each claim (Bo takes Ana's group): the same everywhere.
  for (const conflict of state.conflicts) await b.resolveDeskConflict(conflict.id, { take: 'theirs' });
  state = await converge([b, a, c], ids, 'resolved');
  assert.deepEqual([groupOf(0, c3), groupOf(1, c4)], [mine.group.id, mine.group.id]);
});

/** Like converge, but conflicts may be left open: they must be the same everywhere too. */
async function settle(archives: Archive[], articleIds: string[]) {
  for (let round = 0; round < 4; round++) for (const archive of archives) await archive.syncDesk();
  const [first, ...rest] = await Promise.all(archives.map((archive) => stateOf(archive, articleIds)));
  for (const other of rest) assert.deepEqual(other, first);
  return first!;
}
