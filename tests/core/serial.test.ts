// The serial queues: order kept, failures isolated, keys independent, idle keys forgotten; eachLimit's bound.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import fc from 'fast-check';
import { eachLimit, KeyedQueue, SerialQueue, TurnQueue } from '../../core/serial.ts';

test('a serial queue runs jobs one at a time, in the order given, whatever each one takes', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 12 }), async (waits) => {
      const queue = new SerialQueue();
      const started: number[] = [];
      let running = 0;
      let most = 0;
      await Promise.all(
        waits.map((ms, i) =>
          queue.run(async () => {
            started.push(i);
            most = Math.max(most, ++running);
            await delay(ms);
            running--;
          }),
        ),
      );
      assert.deepEqual(
        started,
        waits.map((_, i) => i),
      );
      assert.equal(most, 1);
    }),
    { numRuns: 30 },
  );
});

test('a failing job rejects its own caller only; the next job still runs, after it', async () => {
  const queue = new SerialQueue();
  const order: string[] = [];
  const failing = queue.run(async () => {
    await delay(2);
    order.push('fail');
    throw new Error('disk full');
  });
  const thrown = queue.run(() => {
    order.push('throw');
    throw new Error('synchronous');
  });
  const next = queue.run(() => {
    order.push('next');
    return 42;
  });
  await assert.rejects(failing, /disk full/);
  await assert.rejects(thrown, /synchronous/);
  assert.equal(await next, 42);
  assert.deepEqual(order, ['fail', 'throw', 'next']);
});

test('a keyed queue serializes jobs of one key and lets other keys run alongside', async () => {
  const queue = new KeyedQueue();
  const events: string[] = [];
  const job = (key: string, name: string, ms: number) =>
    queue.run(key, async () => {
      events.push(`${name} start`);
      await delay(ms);
      events.push(`${name} end`);
    });
  await Promise.all([job('a', 'a1', 20), job('a', 'a2', 0), job('b', 'b1', 0)]);
  // b1 did not wait for a1; a2 did.
  assert.ok(events.indexOf('b1 end') < events.indexOf('a1 end'), events.join(', '));
  assert.ok(events.indexOf('a2 start') > events.indexOf('a1 end'), events.join(', '));
});

test('a keyed queue forgets a key once its jobs have settled, failed ones included', async () => {
  const queue = new KeyedQueue();
  const done = queue.run('x', () => delay(1));
  const failed = queue.run('y', () => Promise.reject(new Error('no')));
  assert.equal(queue.busyKeys, 2);
  await done;
  await assert.rejects(failed);
  await delay(0);
  assert.equal(queue.busyKeys, 0);
});

test('a turn queue gives each waiter its own turn of the loop, so a timer runs between long jobs', async () => {
  const turns = new TurnQueue();
  const order: string[] = [];
  const busy = (ms: number) => {
    const end = performance.now() + ms;
    while (performance.now() < end);
  };
  setTimeout(() => order.push('timer'), 0);
  // Three jobs ready together: without turns they would run back to back, 60 ms before the timer.
  await Promise.all(
    [1, 2, 3].map(async (n) => {
      await turns.next();
      busy(20);
      order.push(`job ${n}`);
    }),
  );
  assert.deepEqual(order, ['job 1', 'timer', 'job 2', 'job 3']);
});

test('eachLimit runs at most `limit` at a time, and after a failure starts no more', async () => {
  let running = 0;
  let most = 0;
  const done: number[] = [];
  await eachLimit([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
    most = Math.max(most, ++running);
    await delay(5);
    running--;
    done.push(n);
  });
  assert.deepEqual([most, done.length], [3, 7]);
  const started: number[] = [];
  await assert.rejects(
    eachLimit([1, 2, 3, 4, 5, 6], 2, async (n) => {
      started.push(n);
      await delay(5);
      if (n === 2) throw new Error('two failed');
    }),
    /two failed/,
  );
  assert.ok(started.length <= 4, `no new item after the failure (${started.join(',')})`);
});
