// One contract method: the schema its arguments are checked against at the gate, and the handler that then gets them parsed.
import type { z } from 'zod';
import type { Services } from '../services.ts';

/** A tuple schema's type as a rest parameter's. */
type Args<T> = T extends unknown[] ? T : never;

export type Method<A extends z.ZodTuple = z.ZodTuple, R = unknown> = {
  readonly args: A;
  // A method, not a function property: a table of methods with different arguments is then one type.
  run(services: Services, ...args: Args<z.output<A>>): Promise<R>;
};

/** Declares a method: its arguments as a zod tuple, and its handler (thin: the work is the service's). */
export function method<A extends z.ZodTuple, R>(
  args: A,
  run: (services: Services, ...args: Args<z.output<A>>) => R | Promise<R>,
): Method<A, Awaited<R>> {
  return {
    args,
    // Async, so a handler that throws at once rejects like one that fails later.
    run: async (services, ...parsed): Promise<Awaited<R>> => await (run(services, ...parsed) as Promise<Awaited<R>>),
  };
}

export type MethodTable = Record<string, Method>;

/** What callers see of a table: each method with its arguments as they may be sent (before defaults) and its result. */
export type ApiOf<T extends MethodTable> = {
  [K in keyof T]: T[K] extends Method<infer A, infer R> ? (...args: Args<z.input<A>>) => Promise<R> : never;
};
