/**
 * The call switch: a back-to-back user agent between callers (trunks, phones) and agents' phones.
 * A call comes in → routed by the number dialled (DNIS) and the caller's number (ANI lists) →
 * answered into the IVR flow of its route → queued on the ACD engine, which picks the agent →
 * the agent's phone rings (our own INVITE, our own media session) → the two legs are bridged and
 * recorded. Every step is written to the CDR as it happens; CTI events tell the pages.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, statSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AcdEngine, type AcdEvent, type AcdSnapshot } from '@rexian/acd';
import type { CtiCommand, CtiEvent, CtiResult, CtiSnapshot, CallOutcome } from '@rexian/contracts';
import type { MediaEngine, PlaylistItem } from '@rexian/media';
import {
  noopLogger, type CallHandler, type CallerIdentity, type Dialog, type DialogLayer, type IncomingCall, type LocationService, type Logger, type SipRequest,
} from '@rexian/sip';
import { Call, publicVariables } from './calls/call';
import { CdrWriter } from './calls/cdr-writer';
import { DialError, Dialer, type OutboundTrunk } from './calls/dialer';
import { runFlow } from './calls/flow-runner';
import { Leg } from './calls/leg';
import { MediaIvrChannel } from './calls/media-ivr-channel';
import { CtiEvents } from './cti/cti-events';
import type { CtiPort } from './cti/cti-port';
import { executeCommand } from './cti/cti-commands';
import type { IvrOutcome, TransferResult } from './ivr/ivr-channel';
import { acdAgentOf, acdQueueOf, OVERFLOW_MAILBOX, type SwitchQueue } from './queue/acd-config';
import { waitingAnnouncement } from './queue/waiting-prompts';
import type { SwitchStore } from './store';
import { EMPTY_CONFIG, type SwitchConfig } from './switch-config';

export interface CallSwitchOptions {
  media: MediaEngine;
  store: SwitchStore;
  location: LocationService;
  aorOf(extension: string): string;
  /** Domain written in From/To of the calls we place. */
  domain: string;
  /** Where recordings and voicemail go (`<dataDir>/recordings/…`, `<dataDir>/voicemail/…`). */
  dataDir: string;
  /** This server's base URL, preset as `serverUrl` for IVR HTTP lookups. */
  serverUrl(): string;
  /** Whether a number is one of our extensions (a phone account). */
  isExtension(number: string): boolean;
  /** Whether a trunk brings this number in (a number with no route of its own still gets an answer). */
  isInboundNumber?(number: string): boolean;
  /** Where outside numbers go (a trunk), if anywhere. */
  trunkDestination?(number: string): OutboundTrunk | undefined;
  fetch?: typeof fetch;
  logger?: Logger;
  /** Debounce of ACD state saves (ms). */
  saveDelayMs?: number;
  /**
   * A caller whose RTP stops for this long is gone (a carrier or phone that vanished without BYE):
   * the call is ended. Default 60 s; 0 turns the check off.
   */
  rtpTimeoutMs?: number;
}

export interface AgentSession {
  agentId: number;
  extension: string;
  autoAnswer: boolean;
}

interface SavedState {
  acd: AcdSnapshot;
  agents: AgentSession[];
}

interface Offer {
  call: Call;
  agentId: number;
  leg: Leg | undefined;
  /** Why the ACD took the offer back before its leg existed (the leg is then ended for this reason). */
  gone?: string;
}

const PRIORITY = { vip: 10, priority: 5, blacklist: 0 } as const;

export class CallSwitch implements CallHandler, CtiPort {
  private dialogs: DialogLayer | undefined;
  readonly calls = new Map<string, Call>();
  private readonly legs = new Map<string, { call: Call; leg: Leg }>();
  readonly agents = new Map<number, AgentSession>();
  private readonly offers = new Map<string, Offer>();
  private config: SwitchConfig = EMPTY_CONFIG;
  readonly acd: AcdEngine;
  readonly events: CtiEvents;
  readonly dialer: Dialer;
  private readonly logger: Logger;
  private saveTimer: NodeJS.Timeout | undefined;
  private closed = false;
  /** Calls being closed (recording indexed, records written): awaited at shutdown. */
  private readonly closing = new Set<Promise<void>>();
  /** Calls that left a queue by hanging up, until the ACD says whether to call them back. */
  private readonly abandoned = new Map<string, Call>();
  /** Packets received from each caller at the last check, and since when that count stood still. */
  private readonly rtpSeen = new Map<string, { packets: number; since: number }>();
  private rtpTimer: NodeJS.Timeout | undefined;

  private constructor(private readonly options: CallSwitchOptions) {
    this.logger = options.logger ?? noopLogger;
    this.events = new CtiEvents(this.logger);
    this.acd = new AcdEngine({});
    this.dialer = new Dialer({
      media: options.media,
      location: options.location,
      aorOf: options.aorOf,
      domain: options.domain,
      isExtension: options.isExtension,
      trunkDestination: (number) => options.trunkDestination?.(number),
      now: () => new Date(),
    });
  }

  /** Closes the records of calls a stopped server left open, restores agents and queues, applies `config`. */
  static async start(options: CallSwitchOptions, config: SwitchConfig): Promise<CallSwitch> {
    const sw = new CallSwitch(options);
    const closedCalls = await options.store.closeInterrupted(new Date());
    if (closedCalls > 0) sw.logger.warn({ calls: closedCalls }, 'closed the records of calls interrupted by a stop');
    const saved = (await options.store.loadAcdState()) as SavedState | undefined;
    if (saved?.acd !== undefined) {
      try {
        sw.acd.restore(saved.acd);
        for (const agent of saved.agents ?? []) sw.agents.set(agent.agentId, agent);
        // The calls that waited died with the old process: take them out of the queues.
        for (const item of saved.acd.items) sw.acd.abandon(item.id);
      } catch (error) {
        sw.logger.error({ err: error }, 'saved ACD state could not be restored; starting empty');
      }
    }
    sw.acd.on((event) => queueMicrotask(() => sw.onAcdEvent(event)));
    sw.configure(config);
    sw.watchRtp();
    return sw;
  }

  // ── configuration ──────────────────────────────────────────────────────────────────────────

  /** Takes new routes, flows, queues, agents and lists; calls in progress keep going. */
  configure(config: SwitchConfig): void {
    this.config = config;
    const snapshot = this.acd.snapshot();
    const knownQueues = new Set(snapshot.queues.map((q) => q.config.id));
    const knownAgents = new Set(snapshot.agents.map((a) => a.config.id));
    const wantedQueues = new Set(config.queues.map((q) => String(q.id)));
    // Queues first (agents refer to them), overflow targets before the queues that name them.
    for (const queue of config.queues) {
      const acdQueue = acdQueueOf(queue);
      const target = acdQueue.overflow?.kind === 'queue' ? acdQueue.overflow.queueId : undefined;
      if (target !== undefined && !wantedQueues.has(target)) delete acdQueue.overflow;
      if (knownQueues.has(acdQueue.id)) this.acd.updateQueue(acdQueue);
      else this.acd.addQueue(acdQueue);
    }
    for (const agent of config.agents) {
      const acdAgent = acdAgentOf(agent);
      acdAgent.queues = acdAgent.queues.filter((q) => wantedQueues.has(q.queueId));
      if (knownAgents.has(acdAgent.id)) this.acd.updateAgent(acdAgent);
      else this.acd.addAgent(acdAgent);
      knownAgents.delete(acdAgent.id);
    }
    // Agents no longer in any queue keep their sign-in but serve nothing.
    for (const id of knownAgents) this.acd.updateAgent({ id, queues: [], capacity: { voice: 1 } });
    for (const id of knownQueues) if (!wantedQueues.has(id)) this.tryAcd(() => this.acd.removeQueue(id));
    this.saveSoon();
  }

  private queue(queueId: number | null): SwitchQueue | undefined {
    return queueId === null ? undefined : this.config.queues.find((q) => q.id === queueId);
  }

  // ── SIP: the call handler ──────────────────────────────────────────────────────────────────

  attach(dialogs: DialogLayer): void {
    this.dialogs = dialogs;
  }

  accepts(number: string, identity: CallerIdentity): boolean {
    if (this.config.routes.some((r) => r.number === number)) return true;
    if (identity.kind === 'trunk' && this.options.isInboundNumber?.(number)) return true;
    // Phones (authenticated) may also call extensions and, through a trunk, outside numbers.
    return identity.kind === 'phone' && (this.options.isExtension(number) || this.options.trunkDestination?.(number) !== undefined);
  }

  incoming(incoming: IncomingCall, identity: CallerIdentity): void {
    this.receive(incoming, identity).catch((error: unknown) => {
      this.logger.error({ err: error, callId: incoming.request.callId }, 'incoming call failed');
      incoming.reject(500);
    });
  }

  onBye(dialog: Dialog): void {
    const found = this.legs.get(dialog.id);
    if (found !== undefined) this.legHungUp(found.call, found.leg);
  }

  onInfo(dialog: Dialog, request: SipRequest): void {
    // SIP INFO digits (application/dtmf-relay: "Signal=5").
    const match = /signal\s*=\s*([0-9*#A-D])/i.exec(request.body.toString('utf8'));
    const found = this.legs.get(dialog.id);
    if (match && found) found.leg.session.infoDigit(match[1]!).catch(() => {});
  }

  private async receive(incoming: IncomingCall, identity: CallerIdentity): Promise<void> {
    const request = incoming.request;
    const callerNumber = userOf(request.from.uri) ?? 'anonymous';
    const calledNumber = userOf(request.uri) ?? '';
    const trunk = identity.kind === 'trunk' ? identity.trunk.name : null;
    const route = this.config.routes.find((r) => r.number === calledNumber);
    const internal = identity.kind === 'phone' && route === undefined;
    const direction = internal ? (this.options.isExtension(calledNumber) ? 'internal' : 'outbound') : 'inbound';
    const id = randomUUID();
    const cdr = new CdrWriter(this.options.store, id, this.logger);
    const startedAt = new Date();
    const callerList = this.config.callerLists.get(callerNumber) ?? null;
    if (callerList === 'blacklist') {
      // Refused before anything is spent on it; the record says so.
      incoming.reject(603, 'Decline');
      void cdr.started({ id, direction, callerNumber, calledNumber, trunk, startedAt });
      void cdr.update({ outcome: 'refused', callerList, endedAt: new Date(), endReason: 'blacklist' });
      return;
    }
    let session;
    try {
      session = await this.options.media.createSession({ offer: incoming.offerSdp ?? '', group: id, latch: identity.kind === 'phone' });
    } catch (error) {
      incoming.reject(488, 'Not Acceptable Here');
      void cdr.started({ id, direction, callerNumber, calledNumber, trunk, startedAt });
      void cdr.update({ outcome: 'failed', endedAt: new Date(), endReason: `media: ${(error as Error).message}` });
      return;
    }
    const callerLeg = new Leg(randomUUID(), 'caller', callerNumber, session, null, startedAt);
    const call = new Call(id, direction, callerNumber, calledNumber, trunk, identity, callerLeg, cdr);
    call.callerList = callerList;
    this.calls.set(id, call);
    void cdr.started({ id, direction, callerNumber, calledNumber, trunk, startedAt });
    void cdr.legStarted({ id: callerLeg.id, callId: id, role: 'caller', peer: callerNumber, agentUserId: null, startedAt });
    if (callerList !== null) void cdr.update({ callerList });
    incoming.ring();
    if (internal) return this.connectInternal(call, incoming, calledNumber);
    if (incoming.cancelled) return this.finish(call, 'cancelled', 'remote');
    this.answerCaller(call, incoming);
    session.on((event) => {
      if (event.type === 'dtmf') {
        call.digits += event.digit;
        this.events.emit({ event: 'call.digits', callId: call.id, digit: event.digit });
      }
    });
    if (route?.flowId != null) await this.runIvr(call, route.flowId);
    else if (route?.queueId != null) this.enterQueue(call, route.queueId, 0);
    else {
      // A trunk's number that nobody routed yet (TEL-7: an announcement rather than silence).
      this.logger.warn({ callId: call.id, calledNumber }, 'inbound number has no route');
      this.background(this.sayAndHangUp(call, '您拨打的号码暂未开通服务，请核对后再拨。', 'refused', 'no-route'), 'announcement');
    }
  }

  private answerCaller(call: Call, incoming: IncomingCall): void {
    const dialog = incoming.answer(call.callerLeg.session.sdp);
    call.callerLeg.answered(dialog, new Date());
    this.legs.set(dialog.id, { call, leg: call.callerLeg });
    call.callerLeg.onEnd(() => this.legs.delete(dialog.id));
    void call.cdr.legUpdated(call.callerLeg.id, { answeredAt: call.callerLeg.answeredAt! });
    // §13.3.1.4: no ACK in 64·T1 ends the session.
    incoming.incoming.onAckTimeout(() => this.finish(call, 'no-ack', 'local'));
  }

  /** A phone dialled an extension or an outside number: ring it, answer the caller when it answers. */
  private async connectInternal(call: Call, incoming: IncomingCall, number: string): Promise<void> {
    const target = await this.dial(call, number, 'outbound', null, false).catch((error: unknown) => error as DialError);
    if (target instanceof Error) {
      incoming.reject(target instanceof DialError && target.failure === 'busy' ? 486 : 480);
      return this.finish(call, target.message, 'remote', 'no-answer');
    }
    const stop = (): void => target.leg.end('cancelled', 'local', this.dialogs, new Date());
    incoming.incoming.onCancel(stop);
    const leg = await target.answered.catch(() => undefined);
    if (leg === undefined || incoming.cancelled) {
      stop();
      incoming.reject(480);
      return this.finish(call, 'no-answer', 'remote', 'no-answer');
    }
    this.answerCaller(call, incoming);
    call.agentLeg = leg;
    await this.bridge(call, leg);
  }

  // ── IVR ────────────────────────────────────────────────────────────────────────────────────

  private async runIvr(call: Call, flowId: number): Promise<void> {
    const graph = this.config.flows.get(flowId);
    if (graph === undefined) {
      this.logger.warn({ flowId, callId: call.id }, 'route names a flow with no published version');
      return this.fallback(call, 'no-flow');
    }
    call.state = 'ivr';
    const channel = new MediaIvrChannel(call.callerLeg.session, call.hangup.signal, {
      transfer: (target, timeoutMs) => this.ivrTransfer(call, target, timeoutMs),
      recordingPath: (purpose) => {
        if (purpose === 'voicemail') call.outcome = 'voicemail';
        return this.filePath(purpose === 'voicemail' ? 'voicemail' : 'recordings', call.id);
      },
      leaveVoicemail: (recording) => this.saveVoicemail(call, recording, 'ivr'),
      saveSurvey: (score, question) => call.cdr.then('survey', () => this.options.store.surveySaved({ callId: call.id, agentUserId: call.agentId, score, question })),
    });
    Object.assign(call.variables, { callId: call.id, callerNumber: call.callerNumber, calledNumber: call.calledNumber, serverUrl: this.options.serverUrl() });
    let outcome: IvrOutcome;
    try {
      outcome = await runFlow(graph, {
        channel,
        calendar: this.config.calendar,
        loadFlow: async (id) => this.config.flows.get(id),
        fetch: this.options.fetch ?? fetch,
        now: () => new Date(),
        onNode: (nodeId) => {
          call.ivrPath.push(nodeId);
          void call.cdr.update({ ivrPath: [...call.ivrPath] });
        },
        onVariable: (name, value) => {
          call.variables[name] = value;
          void call.cdr.update({ variables: publicVariables(call.variables) });
        },
      }, { flowId, variables: { ...call.variables } });
    } catch (error) {
      this.logger.error({ err: error, callId: call.id, flowId }, 'IVR flow failed');
      outcome = { kind: 'hangup' };
    } finally {
      channel.close();
    }
    void call.cdr.update({ digits: call.digits, variables: publicVariables(call.variables) });
    if (call.ended) return;
    switch (outcome.kind) {
      case 'queue':
        return this.enterQueue(call, outcome.queueId, outcome.priority ?? 0);
      case 'agent': {
        const route = this.config.routes.find((r) => r.number === call.calledNumber);
        const queueId = route?.queueId ?? this.config.queues[0]?.id;
        return queueId === undefined ? this.fallback(call, 'no-queue') : this.enterQueue(call, queueId, 0);
      }
      case 'voicemail':
        return this.finish(call, 'voicemail', 'local', 'voicemail');
      case 'transferred':
        return;
      case 'caller-hung-up':
        return this.finish(call, 'caller-hung-up', 'remote');
      case 'hangup':
        return this.finish(call, 'ivr-hangup', 'local', 'self-service');
    }
  }

  /** The IVR's transfer node: ring the target; on answer the caller is bridged to it. */
  private async ivrTransfer(call: Call, target: string, timeoutMs: number): Promise<TransferResult> {
    let placed;
    try {
      placed = await this.dial(call, target, 'transfer', null, false);
    } catch (error) {
      return error instanceof DialError && error.failure === 'busy' ? 'busy' : 'failed';
    }
    const timer = setTimeout(() => placed.leg.end('no-answer', 'local', this.dialogs, new Date()), timeoutMs);
    call.hangup.signal.addEventListener('abort', () => placed.leg.end('caller-hung-up', 'local', this.dialogs, new Date()), { once: true });
    try {
      const leg = await placed.answered;
      clearTimeout(timer);
      call.agentLeg = leg;
      await this.bridge(call, leg);
      call.outcome = 'transferred';
      return 'answered';
    } catch (error) {
      clearTimeout(timer);
      if (error instanceof DialError) return error.failure === 'busy' ? 'busy' : error.failure === 'no-answer' ? 'no-answer' : 'failed';
      return 'failed';
    }
  }

  // ── queue ──────────────────────────────────────────────────────────────────────────────────

  enterQueue(call: Call, queueId: number, priority: number): void {
    const queue = this.queue(queueId);
    if (queue === undefined) return this.fallback(call, 'no-queue');
    call.state = 'queued';
    call.queueId = queue.id;
    call.queueName = queue.name;
    call.queuedAt = Date.now();
    void call.cdr.update({ queueId: queue.id, queueName: queue.name });
    if ((queue.record || queue.recordAbandoned) && call.recordingPath === undefined) this.startRecording(call);
    const boost = call.callerList === null ? 0 : PRIORITY[call.callerList];
    this.playWaiting(call, '正在为您转接人工服务，请稍候。');
    this.scheduleAnnouncement(call, queue);
    try {
      this.acd.enqueue({ id: call.id, queueId: String(queue.id), channel: 'voice', priority: priority + boost, callerNumber: call.callerNumber });
    } catch (error) {
      this.logger.error({ err: error, callId: call.id }, 'enqueue failed');
      this.fallback(call, 'enqueue-failed');
    }
    this.queueChanged(queue.id);
  }

  private playWaiting(call: Call, text: string): void {
    const session = call.callerLeg.session;
    const items: PlaylistItem[] = [{ kind: 'tts', text }, { kind: 'silence', ms: 300 }];
    session.play(items).then(
      () => {
        // Music on hold follows the announcement, until the next announcement or an agent.
        const off = session.on((event) => {
          if (event.type !== 'playback-finished') return;
          off();
          if (event.reason === 'completed' && (call.state === 'queued' || call.state === 'ringing')) {
            session.play([{ kind: 'hold-melody' }], { loop: true }).catch(() => {});
          }
        });
      },
      () => {},
    );
  }

  private scheduleAnnouncement(call: Call, queue: SwitchQueue): void {
    if (queue.announceEverySec <= 0) return;
    const timer = setTimeout(() => {
      call.timers.delete(timer);
      if (call.state !== 'queued') return;
      const position = this.tryAcd(() => this.acd.position(call.id)) ?? 1;
      const wait = this.tryAcd(() => this.acd.estimatedWait(call.id));
      this.playWaiting(call, waitingAnnouncement(position, wait));
      this.scheduleAnnouncement(call, queue);
    }, queue.announceEverySec * 1000);
    call.timers.add(timer);
  }

  private onAcdEvent(event: AcdEvent): void {
    if (this.closed) return;
    switch (event.type) {
      case 'offered':
        this.background(this.ringAgent(event.offerId, event.itemId, Number(event.agentId)), 'ringing an agent');
        break;
      case 'offer-timed-out':
      case 'offer-withdrawn':
      case 'rejected': {
        const offer = this.offers.get(event.offerId);
        this.offers.delete(event.offerId);
        const reason = event.type === 'offer-timed-out' ? 'ring-timeout' : 'withdrawn';
        if (offer !== undefined) offer.gone = reason;
        if (offer?.leg !== undefined && offer.leg.state !== 'answered') offer.leg.end(reason, 'local', this.dialogs, new Date());
        if (offer !== undefined && offer.call.state === 'ringing' && offer.call.agentLeg === undefined) offer.call.state = 'queued';
        break;
      }
      case 'overflowed':
        this.overflow(event.itemId, event.target);
        break;
      case 'queued': {
        const call = this.calls.get(event.itemId);
        const queue = this.queue(Number(event.queueId));
        if (call !== undefined && queue !== undefined && call.queueId !== queue.id) {
          call.queueId = queue.id;
          call.queueName = queue.name;
          void call.cdr.update({ queueId: queue.id, queueName: queue.name });
        }
        break;
      }
      case 'abandoned': {
        const call = this.abandoned.get(event.itemId);
        this.abandoned.delete(event.itemId);
        if (!event.short && call !== undefined) {
          void call.cdr.then('callback', () => this.options.store.callbackRequested({
            callId: event.itemId, callerNumber: call.callerNumber, queueId: Number(event.queueId), reason: 'abandoned', waitedMs: event.waitMs,
          }));
        }
        break;
      }
      case 'wrap-up-ended':
        void this.options.store.callUpdated(event.itemId, { wrapUpMs: event.wrapUpMs }).catch(() => {});
        break;
      case 'agent-state-changed':
        this.agentChanged(Number(event.agentId));
        break;
      default:
        break;
    }
    if ('queueId' in event) this.queueChanged(Number(event.queueId));
    this.saveSoon();
  }

  private async ringAgent(offerId: string, callId: string, agentId: number): Promise<void> {
    const call = this.calls.get(callId);
    const agent = this.agents.get(agentId);
    if (call === undefined || call.ended || agent === undefined) {
      this.tryAcd(() => this.acd.reject(offerId));
      return;
    }
    const offer: Offer = { call, agentId, leg: undefined };
    this.offers.set(offerId, offer);
    call.state = 'ringing';
    this.events.emit({ event: 'call.offered', agentId, call: call.summary() });
    let placed;
    try {
      placed = await this.dial(call, agent.extension, 'agent', agentId, agent.autoAnswer, () => {
        this.events.emit({ event: 'call.ringing', agentId, callId: call.id, extension: agent.extension });
        this.agentChanged(agentId);
      });
    } catch (error) {
      // The phone cannot be reached: the agent is set not ready so the queue stops choosing them.
      this.logger.warn({ err: error, agentId, extension: agent.extension }, 'agent phone unreachable');
      this.offers.delete(offerId);
      this.tryAcd(() => this.acd.reject(offerId));
      this.tryAcd(() => this.acd.setNotReady(String(agentId), 'phone-unreachable'));
      if (call.state === 'ringing') call.state = 'queued';
      return;
    }
    offer.leg = placed.leg;
    if (!this.offers.has(offerId)) placed.leg.end(offer.gone ?? 'withdrawn', 'local', this.dialogs, new Date());
    let leg: Leg;
    try {
      leg = await placed.answered;
    } catch (error) {
      if (this.offers.delete(offerId)) {
        // Declined or failed before the ring timeout: the ACD tries someone else.
        this.tryAcd(() => this.acd.reject(offerId));
        if (call.state === 'ringing') call.state = 'queued';
      }
      this.logger.debug({ err: error, callId: call.id, agentId }, 'offer not answered');
      return;
    }
    if (!this.offers.delete(offerId) || call.ended) {
      leg.end(call.ended ? 'caller-gone' : 'withdrawn', 'local', this.dialogs, new Date());
      return;
    }
    this.tryAcd(() => this.acd.accept(offerId));
    this.tryAcd(() => this.acd.startTalk(call.id));
    call.agentId = agentId;
    call.agentLeg = leg;
    call.answeredAt = leg.answeredAt;
    call.clearTimers();
    await this.bridge(call, leg);
    const queue = this.queue(call.queueId);
    if (queue !== undefined && !queue.record && call.recordingPath !== undefined) this.background(this.dropRecording(call), 'dropping a recording');
    const agentName = this.config.agents.find((a) => a.userId === agentId)?.name ?? String(agentId);
    void call.cdr.update({
      answeredAt: leg.answeredAt!,
      agentUserId: agentId,
      agentName,
      agentExtension: agent.extension,
      waitMs: call.queuedAt === undefined ? null : leg.answeredAt!.getTime() - call.queuedAt,
      ringMs: leg.ringMs ?? 0,
    });
    this.events.emit({ event: 'call.answered', agentId, callId: call.id });
    this.agentChanged(agentId);
  }

  /** Places a leg for `call` and files it under its dialog once answered. */
  private async dial(call: Call, number: string, role: 'agent' | 'transfer' | 'consult' | 'outbound' | 'supervisor', agentId: number | null, autoAnswer: boolean, onRinging?: () => void) {
    if (this.dialogs === undefined) throw new DialError('failed', 'SIP is not running');
    const placed = await this.dialer.dial(this.dialogs, { number, role, agentId, autoAnswer }, {
      group: call.id, callerNumber: call.callerNumber, ...(onRinging ? { onRinging } : {}),
    });
    const leg = placed.leg;
    call.ringing.add(leg);
    void call.cdr.legStarted({ id: leg.id, callId: call.id, role, peer: number, agentUserId: agentId, startedAt: leg.startedAt });
    leg.onEnd(() => {
      call.ringing.delete(leg);
      if (leg.dialog) this.legs.delete(leg.dialog.id);
      void call.cdr.legUpdated(leg.id, { endedAt: leg.endedAt!, result: leg.result ?? null, holdMs: leg.holdMs });
    });
    const answered = placed.answered.then((l) => {
      call.ringing.delete(l);
      if (l.ended) throw new DialError('failed', 'leg ended as it was answered');
      if (l.dialog) this.legs.set(l.dialog.id, { call, leg: l });
      void call.cdr.legUpdated(l.id, { answeredAt: l.answeredAt! });
      return l;
    });
    answered.catch(() => {});
    return { leg, answered };
  }

  /** Connects the caller with `leg` (media bridge) and starts the recording the queue asks for. */
  async bridge(call: Call, leg: Leg): Promise<void> {
    await call.callerLeg.session.stop().catch(() => {});
    await this.options.media.bridge(call.callerLeg.session.id, leg.session.id);
    call.state = 'talking';
    const queue = this.queue(call.queueId);
    if (call.recordingPath === undefined && (queue === undefined || queue.record)) this.startRecording(call);
  }

  private overflow(callId: string, target: { kind: string; mailbox?: string }): void {
    const call = this.calls.get(callId);
    if (call === undefined || call.ended) return;
    call.clearTimers();
    if (target.kind !== 'voicemail') return;
    if (target.mailbox === OVERFLOW_MAILBOX.callback) {
      void call.cdr.then('callback', () => this.options.store.callbackRequested({
        callId: call.id, callerNumber: call.callerNumber, queueId: call.queueId, reason: 'overflow', waitedMs: Date.now() - (call.queuedAt ?? Date.now()),
      }));
      this.background(this.sayAndHangUp(call, '现在坐席繁忙，我们已记录您的号码，稍后将回电给您。再见。', 'callback'), 'announcement');
    } else if (target.mailbox === OVERFLOW_MAILBOX.hangup) {
      this.background(this.sayAndHangUp(call, '现在坐席繁忙，请稍后再拨。再见。', 'no-answer'), 'announcement');
    } else this.background(this.voicemail(call, 'overflow'), 'voicemail');
  }

  /** Overflow or after hours: a prompt, a beep, the caller's message until # or hang-up. */
  private async voicemail(call: Call, reason: 'overflow' | 'after-hours'): Promise<void> {
    call.state = 'ivr';
    // Whatever happens next (most callers hang up to end their message), this call went to voicemail.
    call.outcome = 'voicemail';
    const channel = new MediaIvrChannel(call.callerLeg.session, call.hangup.signal, {
      transfer: async () => 'failed',
      recordingPath: () => this.filePath('voicemail', call.id),
      leaveVoicemail: (recording) => this.saveVoicemail(call, recording, reason),
      saveSurvey: async () => {},
    });
    // A prompt that cannot be played (TTS missing) must not cost the caller their message.
    const say = (text: string) => channel.play([{ kind: 'tts', text }], { bargeIn: false }).catch((error: unknown) => {
      if (call.hangup.signal.aborted) throw error;
      this.logger.warn({ err: error, callId: call.id }, 'voicemail prompt not played');
    });
    try {
      await say(reason === 'after-hours' ? '现在是非工作时间，请在提示音后留言，按井号键结束。' : '现在坐席繁忙，请在提示音后留言，按井号键结束。');
      const recording = await channel.record({ maxMs: 60_000, beep: true, purpose: 'voicemail' });
      await channel.leaveVoicemail(recording);
      await say('您的留言已收到，我们会尽快处理。再见。');
      this.finish(call, 'voicemail', 'local', 'voicemail');
    } catch (error) {
      if (!call.hangup.signal.aborted) this.logger.error({ err: error, callId: call.id }, 'voicemail failed');
      this.finish(call, call.hangup.signal.aborted ? 'caller-hung-up' : 'voicemail-failed', call.hangup.signal.aborted ? 'remote' : 'local', 'voicemail');
    } finally {
      channel.close();
    }
  }

  private saveVoicemail(call: Call, recording: { path: string; durationMs: number }, reason: 'overflow' | 'after-hours' | 'ivr'): Promise<void> {
    call.outcome = 'voicemail';
    return call.cdr.then('voicemail', () => this.options.store.voicemailSaved({
      callId: call.id, callerNumber: call.callerNumber, queueId: call.queueId, reason, path: recording.path, durationMs: recording.durationMs,
    }));
  }

  private async sayAndHangUp(call: Call, text: string, outcome: CallOutcome, reason: string = outcome): Promise<void> {
    call.state = 'ivr';
    const session = call.callerLeg.session;
    const done = new Promise<void>((resolve) => {
      const off = session.on((event) => {
        if (event.type === 'playback-finished') {
          off();
          resolve();
        }
      });
      call.hangup.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    await session.play([{ kind: 'tts', text }]).catch(() => {});
    await done;
    this.finish(call, reason, 'local', outcome);
  }

  /** When nothing else can take the call (TEL-7): an apology instead of silence. */
  private fallback(call: Call, reason: string): void {
    this.logger.warn({ callId: call.id, reason }, 'call falls back to the apology');
    this.background(this.sayAndHangUp(call, '抱歉，系统暂时无法为您服务，请稍后再拨。', 'failed', reason), 'announcement');
  }

  // ── recording ──────────────────────────────────────────────────────────────────────────────

  private filePath(kind: 'recordings' | 'voicemail', callId: string): string {
    const day = new Date().toISOString().slice(0, 10).replace(/-/g, '/');
    const path = join(this.options.dataDir, kind, day, `${callId}-${Date.now()}.wav`);
    mkdirSync(dirname(path), { recursive: true });
    return path;
  }

  private startRecording(call: Call): void {
    const path = this.filePath('recordings', call.id);
    call.recordingPath = path;
    call.recordingStartedAt = new Date();
    // Stereo: the caller on the left, what the caller hears (music, then the agent) on the right.
    call.callerLeg.session.startRecording(path, 'stereo').catch((error: unknown) => {
      this.logger.error({ err: error, callId: call.id }, 'recording did not start');
      call.recordingPath = undefined;
    });
  }

  private async dropRecording(call: Call): Promise<void> {
    const path = call.recordingPath;
    call.recordingPath = undefined;
    await call.callerLeg.session.stopRecording().catch(() => {});
    if (path) rmSync(path, { force: true });
  }

  /** Closes the recording before the legs go, and indexes it with the call. */
  private async saveRecording(call: Call): Promise<void> {
    const path = call.recordingPath;
    if (path === undefined) return;
    call.recordingPath = undefined;
    const result = await call.callerLeg.session.stopRecording().catch(() => undefined);
    const durationMs = result?.durationMs ?? Date.now() - (call.recordingStartedAt?.getTime() ?? Date.now());
    let bytes = 0;
    try {
      bytes = statSync(path).size;
    } catch {
      return;
    }
    await call.cdr.then(
      'recording',
      () => this.options.store.recordingSaved({
        callId: call.id, path, startedAt: call.recordingStartedAt ?? new Date(), durationMs, bytes, agentUserId: call.agentId, callerNumber: call.callerNumber,
      }),
      (recordingId) => ({ recordingId }),
    );
  }

  // ── ending ─────────────────────────────────────────────────────────────────────────────────

  /** A party sent BYE. */
  private legHungUp(call: Call, leg: Leg): void {
    const now = new Date();
    if (leg === call.callerLeg) return this.finish(call, 'caller-bye', 'remote');
    leg.end('bye', 'remote', this.dialogs, now);
    if (leg === call.supervisorLeg) {
      call.supervisorLeg = undefined;
      this.events.emit({ event: 'call.supervised', agentId: call.agentId, callId: call.id, supervisorId: leg.agentId ?? 0, mode: 'ended' });
      return;
    }
    if (leg === call.consultLeg) {
      call.consultLeg = undefined;
      if (call.agentId !== null) this.events.emit({ event: 'call.consulting', agentId: call.agentId, callId: call.id, target: leg.peer, state: 'ended' });
      return;
    }
    if (leg === call.agentLeg) {
      const consult = call.consultLeg;
      if (consult !== undefined && consult.state === 'answered') {
        // The agent left a three-way call, or hung up while consulting (an attended transfer,
        // as on any PBX): the caller and the third party go on together.
        call.consultLeg = undefined;
        call.agentLeg = consult;
        this.completeAgent(call);
        call.agentId = consult.agentId;
        if (call.conferenceId === undefined) {
          if (call.callerLeg.heldSince !== undefined) {
            call.callerLeg.holdMs += Date.now() - call.callerLeg.heldSince;
            call.callerLeg.heldSince = undefined;
          }
          void consult.session.unbridge().catch(() => {}).then(() => this.bridge(call, consult)).catch((error: unknown) => {
            this.logger.error({ err: error, callId: call.id }, 'transfer on hang-up failed');
          });
          this.events.emit({ event: 'call.transferred', agentId: leg.agentId, callId: call.id, target: consult.peer, mode: 'consult' });
        }
        return;
      }
      this.finish(call, 'agent-bye', 'local');
    }
  }

  /** The agent's part of the call is over: the ACD starts their wrap-up. */
  completeAgent(call: Call): void {
    const agentId = call.agentId;
    if (agentId === null) return;
    this.tryAcd(() => this.acd.complete(call.id));
    call.agentId = null;
    this.agentChanged(agentId);
  }

  /** Ends the call: every leg released, the recording indexed, the record closed. */
  finish(call: Call, reason: string, endedBy: 'local' | 'remote', outcome?: CallOutcome): void {
    if (call.ended) return;
    const wasState = call.state;
    call.state = 'ended';
    call.clearTimers();
    call.hangup.abort();
    const now = new Date();
    const agentId = call.agentId;
    if (wasState === 'queued' || wasState === 'ringing') {
      // The ACD's `abandoned` event (short or not) arrives after the call left the table.
      this.abandoned.set(call.id, call);
      this.tryAcd(() => this.acd.abandon(call.id));
    }
    else if (agentId !== null) this.completeAgent(call);
    const final: CallOutcome = outcome ?? (call.outcome !== 'in-progress' ? call.outcome : call.answeredAt !== undefined ? 'answered' : wasState === 'queued' || wasState === 'ringing' ? 'abandoned' : 'self-service');
    const closing = (async () => {
      await this.saveRecording(call).catch((error: unknown) => this.logger.error({ err: error, callId: call.id }, 'recording not saved'));
      const caller = call.callerLeg;
      caller.end(reason, endedBy === 'remote' ? 'remote' : 'local', this.dialogs, now);
      for (const leg of [call.agentLeg, call.consultLeg, call.supervisorLeg, ...call.ringing]) leg?.end(reason, 'local', this.dialogs, now);
      const talkMs = call.answeredAt ? now.getTime() - call.answeredAt.getTime() : null;
      const holdMs = caller.holdMs;
      await call.cdr.legUpdated(caller.id, { endedAt: now, result: reason, holdMs });
      await call.cdr.update({
        endedAt: now, outcome: final, endReason: reason, talkMs, holdMs, digits: call.digits, variables: publicVariables(call.variables),
        ...(call.queuedAt !== undefined && call.answeredAt === undefined ? { waitMs: now.getTime() - call.queuedAt } : {}),
      });
    })();
    this.closing.add(closing);
    void closing.finally(() => this.closing.delete(closing));
    this.calls.delete(call.id);
    this.events.emit({ event: 'call.ended', agentId, callId: call.id, outcome: final, reason });
    if (call.queueId !== null) this.queueChanged(call.queueId);
  }

  // ── CTI ────────────────────────────────────────────────────────────────────────────────────

  on(listener: (event: CtiEvent) => void): () => void {
    return this.events.on(listener);
  }

  execute(agentId: number, command: CtiCommand): Promise<CtiResult> {
    return executeCommand(this, agentId, command);
  }

  /** The agent's call, if `callId` is theirs. */
  callOf(agentId: number, callId: string): Call | undefined {
    const call = this.calls.get(callId);
    if (call === undefined) return undefined;
    if (call.agentId === agentId || (call.direction !== 'inbound' && call.callerLeg.agentId === agentId)) return call;
    for (const offer of this.offers.values()) if (offer.call === call && offer.agentId === agentId) return call;
    return undefined;
  }

  /** The offer ringing on the agent's phone for `callId`, if any. */
  offerOf(agentId: number, callId: string): { offerId: string; leg: Leg | undefined } | undefined {
    for (const [offerId, offer] of this.offers) if (offer.call.id === callId && offer.agentId === agentId) return { offerId, leg: offer.leg };
    return undefined;
  }

  get dialogLayer(): DialogLayer | undefined {
    return this.dialogs;
  }

  /** Places a leg and, once answered, files it so its BYE finds the call (used by the commands). */
  placeLeg(call: Call, number: string, role: 'transfer' | 'consult' | 'outbound' | 'agent' | 'supervisor', agentId: number | null, autoAnswer: boolean) {
    return this.dial(call, number, role, agentId, autoAnswer);
  }

  /** A new call record for a call the switch places itself (outbound dial from an agent). */
  newOutboundCall(id: string, agentLeg: Leg, agentExtension: string, target: string): Call {
    const cdr = new CdrWriter(this.options.store, id, this.logger);
    const call = new Call(id, 'outbound', agentExtension, target, null, undefined, agentLeg, cdr);
    this.calls.set(call.id, call);
    void cdr.started({ id: call.id, direction: 'outbound', callerNumber: agentExtension, calledNumber: target, trunk: null, startedAt: agentLeg.startedAt });
    void cdr.legStarted({ id: agentLeg.id, callId: call.id, role: 'agent', peer: agentExtension, agentUserId: agentLeg.agentId, startedAt: agentLeg.startedAt });
    return call;
  }

  fileLeg(call: Call, leg: Leg): void {
    const dialog = leg.dialog;
    if (dialog === undefined || leg.ended) return;
    this.legs.set(dialog.id, { call, leg });
    leg.onEnd(() => this.legs.delete(dialog.id));
  }

  get media(): MediaEngine {
    return this.options.media;
  }

  runFlowFor(call: Call, flowId: number): Promise<void> {
    return this.runIvr(call, flowId);
  }

  agentChanged(agentId: number): void {
    const view = this.agentView(agentId);
    if (view !== undefined) this.events.emit({ event: 'agent.state', ...view });
  }

  private agentView(agentId: number): CtiSnapshot['agents'][number] | undefined {
    const session = this.agents.get(agentId);
    const acdView = this.tryAcd(() => this.acd.agent(String(agentId)));
    if (acdView === undefined) return undefined;
    let callId: string | null = null;
    let state: CtiSnapshot['agents'][number]['state'] = acdView.state;
    for (const call of this.calls.values()) {
      if (call.agentId === agentId) {
        callId = call.id;
        state = 'talking';
      }
    }
    if (callId === null) {
      for (const offer of this.offers.values()) {
        if (offer.agentId === agentId) {
          callId = offer.call.id;
          state = 'ringing';
        }
      }
    }
    return { agentId, extension: session?.extension ?? null, state, reason: acdView.reason ?? null, since: new Date(acdView.since).toISOString(), callId };
  }

  queueChanged(queueId: number): void {
    const view = this.queueView(queueId);
    if (view !== undefined) this.events.emit({ event: 'queue.changed', ...view });
  }

  private queueView(queueId: number): CtiSnapshot['queues'][number] | undefined {
    if (this.queue(queueId) === undefined) return undefined;
    const now = Date.now();
    let longestWaitMs = 0;
    for (const call of this.calls.values()) {
      if (call.queueId === queueId && (call.state === 'queued' || call.state === 'ringing') && call.queuedAt !== undefined) {
        longestWaitMs = Math.max(longestWaitMs, now - call.queuedAt);
      }
    }
    let agentsReady = 0;
    let agentsBusy = 0;
    for (const agent of this.config.agents) {
      if (!agent.queues.some((q) => q.queueId === queueId)) continue;
      const view = this.tryAcd(() => this.acd.agent(String(agent.userId)));
      if (view === undefined || view.state === 'logged-out') continue;
      if (view.activity !== 'idle') agentsBusy++;
      else if (view.state === 'ready') agentsReady++;
    }
    return { queueId, waiting: this.tryAcd(() => this.acd.waitingCount(String(queueId))) ?? 0, longestWaitMs, agentsReady, agentsBusy };
  }

  snapshot(): CtiSnapshot {
    // Queue members and whoever else signed in (a team leader on their own extension).
    const ids = new Set([...this.config.agents.map((a) => a.userId), ...this.agents.keys()]);
    const agents = [...ids].map((id) => this.agentView(id)).filter((v): v is NonNullable<typeof v> => v !== undefined && v.state !== 'logged-out');
    const queues = this.config.queues.map((q) => this.queueView(q.id)).filter((v): v is NonNullable<typeof v> => v !== undefined);
    const calls = [...this.calls.values()].map((call) => ({
      ...call.summary(), state: call.state, agentId: call.agentId, startedAt: call.callerLeg.startedAt.toISOString(),
    }));
    return { agents, queues, calls };
  }

  // ── dead callers ───────────────────────────────────────────────────────────────────────────

  private watchRtp(): void {
    const timeout = this.options.rtpTimeoutMs ?? 60_000;
    if (timeout <= 0) return;
    const every = Math.max(500, Math.floor(timeout / 3));
    const check = async (): Promise<void> => {
      const now = Date.now();
      for (const id of this.rtpSeen.keys()) if (!this.calls.has(id)) this.rtpSeen.delete(id);
      for (const call of [...this.calls.values()]) {
        if (call.ended || call.callerLeg.state !== 'answered') continue;
        const stats = await call.callerLeg.session.stats().catch(() => undefined);
        if (stats === undefined) continue;
        const seen = this.rtpSeen.get(call.id);
        if (seen === undefined || seen.packets !== stats.packetsReceived) this.rtpSeen.set(call.id, { packets: stats.packetsReceived, since: now });
        else if (now - seen.since >= timeout) {
          this.logger.warn({ callId: call.id, silentMs: now - seen.since }, 'no RTP from the caller: ending the call');
          this.finish(call, 'rtp-timeout', 'local');
        }
      }
    };
    const loop = (): void => {
      this.rtpTimer = setTimeout(() => {
        if (this.closed) return;
        check().catch((error: unknown) => this.logger.warn({ err: error }, 'RTP check failed')).finally(() => {
          if (!this.closed) loop();
        });
      }, every);
      this.rtpTimer.unref();
    };
    loop();
  }

  // ── state ──────────────────────────────────────────────────────────────────────────────────

  /**
   * Runs work nobody awaits (a timer's or an event's consequence): a failure — typically a media
   * session closed because the caller hung up meanwhile — is logged, never left unhandled.
   */
  background(work: Promise<unknown>, what: string): void {
    work.catch((error: unknown) => this.logger.warn({ err: error, what }, 'call step failed'));
  }

  /** Runs an ACD command whose failure means "not applicable now" (logged at debug). */
  tryAcd<T>(command: () => T): T | undefined {
    try {
      return command();
    } catch (error) {
      this.logger.debug({ err: error }, 'ACD command not applicable');
      return undefined;
    }
  }

  saveSoon(): void {
    if (this.saveTimer !== undefined || this.closed) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      void this.saveNow();
    }, this.options.saveDelayMs ?? 200);
  }

  private async saveNow(): Promise<void> {
    const state: SavedState = { acd: this.acd.snapshot(), agents: [...this.agents.values()] };
    await this.options.store.saveAcdState(state).catch((error: unknown) => this.logger.error({ err: error }, 'ACD state not saved'));
  }

  /** Counts for tests and metrics: nothing may be left over after calls end. */
  counts(): { calls: number; legs: number; offers: number } {
    return { calls: this.calls.size, legs: this.legs.size, offers: this.offers.size };
  }

  /** Ends every call (server shutdown) and saves the agents' state. */
  async close(): Promise<void> {
    for (const call of [...this.calls.values()]) this.finish(call, 'shutdown', 'local', 'interrupted');
    await Promise.all([...this.closing]);
    if (this.rtpTimer) clearTimeout(this.rtpTimer);
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    await this.saveNow();
    this.closed = true;
    this.acd.close();
  }
}

function userOf(uri: { kind: string; user?: string; number?: string } | undefined): string | undefined {
  if (uri === undefined) return undefined;
  if (uri.kind === 'sip' || uri.kind === 'sips') return uri.user;
  if (uri.kind === 'tel') return uri.number;
  return undefined;
}
