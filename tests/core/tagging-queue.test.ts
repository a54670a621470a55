// The background tagging queue: one article at a time, no repeats, drain and stop that always return.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { TaggingQueue } from '../../core/entities/tagging-queue.ts';

test('drain returns at once on an empty queue (it once spun forever on a settled promise)', async () => {
  const queue = new TaggingQueue(async () => undefined);
  queue.enqueue([]);
  const drained = await Promise.race([queue.drain().then(() => 'drained'), delay(500).then(() => 'hung')]);
  assert.equal(drained, 'drained');
});

test('articles are tagged one at a time, in order, each once however often queued', async () => {
  const done: string[] = [];
  let running = 0;
  const queue = new TaggingQueue(async (id) => {
    running++;
    assert.equal(running, 1, 'one at a time');
    await delay(5);
    done.push(id);
    running--;
  });
  queue.enqueue(['a', 'b', 'a']);
  queue.enqueue(['c', 'b']);
  await queue.drain();
  assert.deepEqual(done, ['a', 'b', 'c']);
  // Queued again after it was done: tagged again (a new article with the same id cannot happen, a re-queue can).
  queue.enqueue(['a']);
  await queue.drain();
  assert.deepEqual(done, ['a', 'b', 'c', 'a']);
});

test('a failure leaves the rest going; stop finishes the one under way and drops the others', async () => {
  const done: string[] = [];
  const queue = new TaggingQueue(async (id) => {
    await delay(5);
    if (id === 'bad') throw new Error('boom');
    done.push(id);
  });
  const errors: unknown[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => errors.push(args);
  try {
    queue.enqueue(['bad', 'x']);
    await queue.drain();
  } finally {
    console.error = original;
  }
  assert.deepEqual(done, ['x']);
  assert.equal(errors.length, 1, 'an unexpected failure is reported');
  queue.enqueue(['y', 'z']);
  await delay(1);
  await queue.stop();
  assert.deepEqual(done, ['x', 'y']);
  queue.enqueue(['w']);
  await queue.drain();
  assert.deepEqual(done, ['x', 'y'], 'nothing runs after stop');
});
