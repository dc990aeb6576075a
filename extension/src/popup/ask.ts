import { browser } from 'wxt/browser';
import type { Answers, FromPopup } from '../messages.ts';

/** One question to the background, typed by its kind. */
export async function ask<K extends FromPopup['kind']>(
  message: Extract<FromPopup, { kind: K }>,
): Promise<Answers[K]> {
  const answer = (await browser.runtime.sendMessage(message)) as Answers[K] | null;
  if (answer === null || answer === undefined) throw new Error(`Lectern: no answer to ${message.kind}`);
  return answer;
}
