// wink-nlp with its English model, loaded once on first use and renewed now and then.
import { createRequire } from 'node:module';

type WinkDoc = { tokens: () => { out: (what: unknown) => string[] } };
export type Wink = {
  readDoc: (text: string) => WinkDoc;
  its: { value: unknown; pos: unknown; precedingSpaces: unknown; uniqueId: unknown };
};

let wink: Wink | undefined;
let winkText = 0;
let lexiconSize = 0;
// wink keeps every new word it meets; a fresh instance now and then bounds the memory of a long import.
const RENEW_AFTER = 200_000_000;

export function loadWink(): Wink {
  if (!wink || winkText > RENEW_AFTER) {
    const require = createRequire(import.meta.url);
    const winkNLP = require('wink-nlp') as (model: unknown) => Wink;
    wink = winkNLP(require('wink-eng-lite-web-model'));
    winkText = 0;
    // On a fresh instance the first unknown word gets the id right after the lexicon's own words.
    lexiconSize = Number(wink.readDoc('zqxjvkqwzv').tokens().out(wink.its.uniqueId)[0]);
  }
  return wink;
}

/** Ids below this are words of wink's lexicon. */
export function winkLexiconSize(): number {
  loadWink();
  return lexiconSize;
}

/** Counts text read, so that a long import renews the instance. */
export function winkUsed(characters: number): void {
  winkText += characters;
}
