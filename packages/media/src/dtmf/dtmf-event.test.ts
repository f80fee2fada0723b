import { describe, expect, it } from 'vitest';
import { DtmfEventReceiver } from './dtmf-event-receiver.js';
import { DtmfEventSender, InvalidDigitError } from './dtmf-event-sender.js';
import { parseTelephoneEvent } from './telephone-event.js';
import { digitFromSipInfo } from './sip-info-dtmf.js';

describe('RFC 4733 telephone-event', () => {
  it('sender: start with marker, updates, then the end packet three times, then a pause', () => {
    const sender = new DtmfEventSender(100);
    sender.enqueue('5#');
    const buf = new Uint8Array(4);
    const plan: string[] = [];
    for (let i = 0; i < 20 && sender.busy; i++) {
      const p = sender.next(buf, 0);
      const e = parseTelephoneEvent(buf);
      plan.push(p ? `${e?.event}${p.marker ? 'M' : ''}${p.end ? 'E' : ''}:${p.duration}` : '-');
    }
    expect(plan).toEqual(['5M:160', '5:320', '5:480', '5:640', '5E:800', '5E:800', '5E:800', '-', '-', '-', '11M:160', '11:320', '11:480', '11:640', '11E:800', '11E:800', '11E:800', '-', '-', '-']);
  });

  it('sender refuses characters that are not DTMF digits', () => {
    expect(() => new DtmfEventSender().enqueue('1x')).toThrow(InvalidDigitError);
  });

  it('receiver reports one digit per event, whatever the updates and retransmitted end packets', () => {
    const digits: string[] = [];
    const receiver = new DtmfEventReceiver((d) => digits.push(d));
    const sender = new DtmfEventSender(100);
    sender.enqueue('19*D');
    const buf = new Uint8Array(4);
    let ts = 0;
    let eventTs = 0;
    while (sender.busy) {
      const p = sender.next(buf, 0);
      if (p?.marker) eventTs = ts;
      if (p) receiver.receive(buf, eventTs, p.marker);
      ts += 160;
    }
    expect(digits.join('')).toBe('19*D');
  });

  it('receiver reports a digit whose start packet was lost', () => {
    const digits: string[] = [];
    const receiver = new DtmfEventReceiver((d) => digits.push(d));
    receiver.receive(Uint8Array.of(7, 0x8a, 3, 0x20), 4000);
    receiver.receive(Uint8Array.of(7, 0x8a, 3, 0x20), 4000);
    expect(digits).toEqual(['7']);
  });

  it('a replayed capture (same timestamp) counts again when a marked start follows the end', () => {
    const digits: string[] = [];
    const receiver = new DtmfEventReceiver((d) => digits.push(d));
    for (let round = 0; round < 2; round++) {
      receiver.receive(Uint8Array.of(1, 0x0a, 0, 0), 1000, true);
      receiver.receive(Uint8Array.of(1, 0x0a, 0, 160), 1000);
      for (let i = 0; i < 3; i++) receiver.receive(Uint8Array.of(1, 0x8a, 0, 320), 1000);
    }
    expect(digits).toEqual(['1', '1']);
  });

  it('the same digit twice in a row counts twice (new timestamp)', () => {
    const digits: string[] = [];
    const receiver = new DtmfEventReceiver((d) => digits.push(d));
    receiver.receive(Uint8Array.of(1, 0x0a, 0, 160), 1000);
    receiver.receive(Uint8Array.of(1, 0x8a, 0, 160), 1000);
    receiver.receive(Uint8Array.of(1, 0x0a, 0, 160), 3000);
    expect(digits).toEqual(['1', '1']);
  });
});

describe('SIP INFO digits', () => {
  it.each([
    ['application/dtmf-relay', 'Signal=5\r\nDuration=160\r\n', '5'],
    ['application/dtmf-relay', 'Signal= #\r\nDuration= 250', '#'],
    ['application/dtmf-relay', 'Signal=11\r\n', '#'],
    ['application/dtmf', '*', '*'],
    ['Application/DTMF; charset=x', ' 9 ', '9'],
    ['application/dtmf-relay', 'Signal=Z', undefined],
    ['text/plain', '5', undefined],
  ])('%s %j → %s', (type, body, digit) => {
    expect(digitFromSipInfo(type, body)).toBe(digit);
  });
});
