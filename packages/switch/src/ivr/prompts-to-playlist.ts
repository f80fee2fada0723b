/**
 * The flow's prompts as the media engine's playlist items (`@rexian/media` PlaylistItem), with the
 * call's variables put into the texts, and the `say` node's text with its values read as Chinese words.
 */
import type { IvrPrompt, IvrSayNode } from '@rexian/contracts';
import type { PlaylistItem } from '@rexian/media';
import { sayDigits, sayMoney, sayNumber } from './spoken-numbers';
import { interpolate } from './interpolate';

type Variables = Readonly<Record<string, string>>;

function promptToItem(prompt: IvrPrompt, variables: Variables): PlaylistItem {
  const bargeIn = prompt.bargeIn === undefined ? {} : { bargeIn: prompt.bargeIn };
  switch (prompt.kind) {
    case 'tts':
      return { kind: 'tts', text: interpolate(prompt.text, variables), ...bargeIn };
    case 'file':
      return { kind: 'file', path: prompt.path, ...bargeIn };
    case 'silence':
      return { kind: 'silence', ms: prompt.ms, ...bargeIn };
    case 'tone':
      return { kind: 'tone', frequencies: [prompt.hz], ms: prompt.ms, ...bargeIn };
  }
}

export function promptsToPlaylist(prompts: readonly IvrPrompt[], variables: Variables): PlaylistItem[] {
  return prompts.map((prompt) => promptToItem(prompt, variables));
}

const READERS: Record<IvrSayNode['sayAs'], (value: string) => string> = {
  text: (value) => value,
  digits: sayDigits,
  number: sayNumber,
  money: sayMoney,
};

/** The text a `say` node speaks: its template with each value read as `sayAs` asks. */
export function sayText(text: string, sayAs: IvrSayNode['sayAs'], variables: Variables): string {
  const read = READERS[sayAs];
  return interpolate(text, variables, (value) => read(value));
}

/** What a prompt list says, as text (the survey's question, the simulator's transcript). */
export function promptsAsText(prompts: readonly IvrPrompt[], variables: Variables): string {
  return prompts
    .map((prompt) => (prompt.kind === 'tts' ? interpolate(prompt.text, variables) : prompt.kind === 'file' ? `[${prompt.path}]` : ''))
    .filter((text) => text !== '')
    .join(' ');
}
