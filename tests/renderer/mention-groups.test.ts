// renderer/entities/mention-groups.ts: the reader's side panel groups mentions by entity, or by name and type for a new one.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Mention } from '../../core/model.ts';
import { groupKey, groupMentions } from '../../renderer/entities/mention-groups.ts';

let next = 0;
const mention = (fields: Pick<Mention, 'entityId' | 'name' | 'type' | 'status'>): Mention => {
  const start = (next += 10);
  return {
    id: `m_${String(next).padStart(10, '0')}`,
    start,
    end: start + fields.name.length,
    quote: { exact: fields.name, prefix: '', suffix: '' },
    source: 'model',
    confidence: 0.9,
    ...fields,
  };
};

test('mentions of one entity make one group, whatever name the text used', () => {
  const un = 'ent_0000000001';
  const mentions = [
    mention({ entityId: un, name: 'United Nations', type: 'organization', status: 'confirmed' }),
    mention({ entityId: null, name: 'Karovsk', type: 'location', status: 'suggested' }),
    mention({ entityId: un, name: 'UN', type: 'organization', status: 'suggested' }),
  ];
  const groups = groupMentions(mentions);
  assert.deepEqual(
    groups.map((g) => [g.key, g.name, g.mentions.length, g.suggested.length]),
    [
      [un, 'United Nations', 2, 1],
      ['new:location:Karovsk', 'Karovsk', 1, 1],
    ],
  );
  assert.equal(groups[0]!.suggested[0], mentions[2]);
});

test('suggestions without an entity group by name and type: the same name as two types is two groups', () => {
  const mentions = [
    mention({ entityId: null, name: 'Jordan', type: 'location', status: 'suggested' }),
    mention({ entityId: null, name: 'Jordan', type: 'person', status: 'suggested' }),
    mention({ entityId: null, name: 'Jordan', type: 'location', status: 'suggested' }),
  ];
  assert.deepEqual(
    groupMentions(mentions).map((g) => [g.key, g.mentions.length]),
    [
      ['new:location:Jordan', 2],
      ['new:person:Jordan', 1],
    ],
  );
  assert.equal(groupKey(mentions[1]!), 'new:person:Jordan');
});

test('rejected mentions are left out, and a group of only rejected ones does not appear', () => {
  const mentions = [
    mention({ entityId: null, name: 'Friday', type: 'person', status: 'rejected' }),
    mention({ entityId: 'ent_0000000002', name: 'Lenna', type: 'location', status: 'rejected' }),
    mention({ entityId: 'ent_0000000002', name: 'Lenna', type: 'location', status: 'confirmed' }),
  ];
  const groups = groupMentions(mentions);
  assert.deepEqual(
    groups.map((g) => [g.key, g.mentions.length, g.suggested.length]),
    [['ent_0000000002', 1, 0]],
  );
});
