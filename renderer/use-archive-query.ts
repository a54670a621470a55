// One question to the archive that follows its inputs: when they change, the answer to the old question lands nowhere.
import { useCallback, useEffect, useState, type DependencyList, type Dispatch, type SetStateAction } from 'react';
import { messageOf } from './api.ts';

/**
 * What stays on screen while the next answer is on its way.
 * - `answer`: the last answer, data and error alike, until the next replaces it; a failure keeps the last
 *   good data beside its error (results stay up while a half-typed query does not parse).
 * - `data`: the last good data but not an old error, and a failure drops the data (the reader must not
 *   show one article beside the selected row of another).
 * - `nothing`: neither, so an old answer never stands for the new question (a count, a file name).
 */
export type KeepWhileAsking = 'answer' | 'data' | 'nothing';

type Options<A, I> = {
  /** The data before the first answer, and whenever `keep` drops it. */
  initial: I;
  keep?: KeepWhileAsking;
  /** Waits this long after the inputs last changed before asking: a burst of keystrokes makes one request. */
  delayMs?: number;
  /** Runs with each answer from the archive, in the same update as its data, for state that must change with it. */
  onData?: (data: A) => void;
  /** Runs after a failure, besides keeping its message in `error`. */
  onError?: (error: unknown) => void;
};

export type ArchiveQuery<T> = {
  data: T;
  /** The last failure's message, or null. */
  error: string | null;
  /** Asks the same question again (something changed that the inputs do not show). */
  reload: () => void;
  /** For what the caller knows is newer (the archive's answer to a save); an answer already on its way still lands. */
  setData: Dispatch<SetStateAction<T>>;
};

const isPending = <T>(value: unknown): value is PromiseLike<T> =>
  typeof (value as PromiseLike<T> | null)?.then === 'function';

/**
 * Asks `ask(shown)` whenever `deps` change, and keeps the latest answer. `ask` may return a value instead of
 * a promise (nothing to ask, or `shown` already answers it): it is taken at once.
 */
export function useArchiveQuery<A, I = A>(
  ask: (shown: A | I) => A | I | PromiseLike<A>,
  deps: DependencyList,
  { initial, keep = 'answer', delayMs = 0, onData, onError }: Options<A, I>,
): ArchiveQuery<A | I> {
  const [data, setData] = useState<A | I>(initial);
  const [error, setError] = useState<string | null>(null);
  const [asked, setAsked] = useState(0);

  useEffect(() => {
    let current = true;
    if (keep === 'nothing') setData(initial);
    if (keep !== 'answer') setError(null);
    const send = (): void => {
      const answer = ask(data);
      if (!isPending<A>(answer)) {
        setData(answer);
        setError(null);
        return;
      }
      answer.then(
        (next) => {
          if (!current) return;
          setData(next);
          setError(null);
          onData?.(next);
        },
        (caught: unknown) => {
          if (!current) return;
          if (keep !== 'answer') setData(initial);
          setError(messageOf(caught));
          onError?.(caught);
        },
      );
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    if (delayMs > 0) timer = setTimeout(send, delayMs);
    else send();
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [...deps, asked]);

  const reload = useCallback(() => setAsked((n) => n + 1), []);
  return { data, error, reload, setData };
}
