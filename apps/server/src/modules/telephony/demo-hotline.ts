/**
 * The demo hotline (number 8000 in the demo organisation) until the call switch exists: the caller
 * hears a greeting, and every key they press is read back to them. It gives a newcomer with a
 * softphone a real call — media, prompts, text-to-speech and DTMF — on the first `npm start`.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { MediaEngine, PlaylistItem } from '@rexian/media';
import type { AnswerHook } from '@rexian/sip';

const GREETING = '您好，欢迎致电热线演示线路。请按电话上的任意键，系统会读出您按的键。';
const KEY_NAMES: Record<string, string> = { '*': '星号', '#': '井号' };

export function demoHotline(engine: MediaEngine, logger: FastifyBaseLogger): AnswerHook {
  return async ({ request, offerSdp }) => {
    const session = await engine.createSession({ offer: offerSdp, group: request.callId });
    const say = (text: string) => {
      const items: PlaylistItem[] = [{ kind: 'tts', text }];
      session.play(items, { bargeIn: true }).catch((error: Error) => logger.warn({ err: error, callId: request.callId }, 'demo hotline cannot play'));
    };
    const unsubscribe = session.on((event) => {
      if (event.type === 'dtmf') say(`您按的是 ${KEY_NAMES[event.digit] ?? event.digit}`);
    });
    say(GREETING);
    return {
      sdp: session.sdp,
      onEnd: () => {
        unsubscribe();
        session.close('hangup').catch(() => {});
      },
    };
  };
}
