// The tagging worker thread: answers, gets the registry when it changes, and never outlives close().
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Tagger } from '../../core/entities/tagger.ts';

test('suggestions come from the worker, with the registry sent again only when it changed', async () => {
  let version = 1;
  let sent = 0;
  const registry = [
    { id: 'ent_0000000000000001', name: 'Northern Vigil Front', type: 'group' as const, aliases: ['NVF'] },
  ];
  const tagger = new Tagger({
    version: () => version,
    entries: () => {
      sent++;
      return registry;
    },
  });
  try {
    const first = await tagger.tag('The NVF and the Northern Vigil Front are one.', null);
    assert.deepEqual(
      first.entities.filter((e) => e.entityId).map((e) => e.text),
      ['NVF', 'Northern Vigil Front'],
    );
    await tagger.tag('Nothing here.', null);
    assert.equal(sent, 1);
    version = 2;
    registry[0]!.aliases.push('Vigil');
    await tagger.tag('Vigil again.', null);
    assert.equal(sent, 2);
  } finally {
    await tagger.close();
  }
});

test('after close a call is refused at once and starts no worker (a process would then never exit)', async () => {
  const tagger = new Tagger({ version: () => 0, entries: () => [] });
  const pending = tagger.tag('Anna Kessler spoke in Geneva.', null).then(
    () => 'answered',
    (error: Error) => error.message,
  );
  await tagger.close();
  assert.match(await pending, /closed before suggestions finished/);
  await assert.rejects(tagger.tag('Again.', null), /closed before suggestions finished/);
});
