// What the popup asks the background worker, which outlives the popup (it closes when the user clicks elsewhere).
import type { ClipRequest } from './clip.ts';
import type { Outcome, Pairing } from './settings.ts';

export type Message = { type: 'pair'; name: string } | { type: 'resume-pairing' } | ({ type: 'clip' } & ClipRequest);

export type Reply = { pairing: Pairing } | { outcome: Outcome } | { ok: true } | { error: string };

export async function ask(message: Message): Promise<Reply> {
  return (await chrome.runtime.sendMessage(message)) as Reply;
}
