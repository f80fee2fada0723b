import { codecByName } from '../codecs/codec.js';
import { silentLogger, type MediaLogger } from '../frames.js';
import { PartyRole } from '../mixing/mixer-party.js';
import { PromptPlayer } from '../playback/prompt-player.js';
import { Pacer } from '../rtp/pacer.js';
import { PortAllocator } from '../rtp/port-allocator.js';
import { MediaSession } from '../session/media-session.js';
import type { SessionEvent } from '../session/session-events.js';
import { EspeakTextToSpeech } from '../tts/espeak-text-to-speech.js';
import { Conference } from './conference.js';
import { SessionBridge } from './session-bridge.js';
import { SessionRecording } from './session-recording.js';
import type { CommandResult, WorkerCommand, WorkerSettings } from './worker-protocol.js';

/** A command names a session or conference this worker does not hold. */
export class UnknownSessionError extends Error {
  override readonly name = 'UnknownSessionError';
}

/**
 * Everything one media worker owns: sessions (each with its port pair), bridges, conferences and
 * recordings, and the single 20 ms pacer that drives them all. Runs the worker's commands; kept
 * free of `worker_threads` so tests can drive it in-process too.
 */
export class MediaWorkerHost {
  readonly sessions = new Map<string, MediaSession>();
  private readonly conferences = new Map<string, Conference>();
  private readonly recordings = new Map<string, SessionRecording>();
  private readonly ports: PortAllocator;
  readonly pacer: Pacer;
  private tts: EspeakTextToSpeech | undefined;
  private readonly driver = { tick: () => this.tick() };

  constructor(
    private readonly settings: WorkerSettings,
    private readonly emit: (sessionId: string, event: SessionEvent) => void,
    private readonly logger: MediaLogger = silentLogger,
  ) {
    this.ports = new PortAllocator(settings.portRange, settings.address);
    this.pacer = new Pacer(20, undefined, (error) => logger.error({ err: error }, 'media tick failed'));
  }

  /** One tick for every session: receive phase, mixers, send phase. A failing session is closed. */
  private tick(): void {
    for (const s of this.sessions.values()) this.guard(s, () => s.receiveTick());
    for (const c of this.conferences.values()) c.tick();
    for (const s of this.sessions.values()) this.guard(s, () => s.sendTick());
  }

  private guard(session: MediaSession, step: () => void): void {
    try {
      step();
    } catch (error) {
      this.logger.error({ err: error, session: session.id }, 'media session failed; closing it');
      session.close('error');
    }
  }

  private session(id: string): MediaSession {
    const s = this.sessions.get(id);
    if (!s) throw new UnknownSessionError(`no media session ${id} in this worker`);
    return s;
  }

  async handle(command: WorkerCommand): Promise<CommandResult> {
    switch (command.op) {
      case 'create':
        return this.create(command);
      case 'answer':
        return { sdp: this.session(command.sessionId).answer(command.offer, command.direction) };
      case 'offer':
        return { sdp: this.session(command.sessionId).createOffer(command.direction) };
      case 'set-remote':
        this.session(command.sessionId).applyAnswer(command.answer);
        return {};
      case 'play':
        await this.play(command.sessionId, command);
        return {};
      case 'stop':
        this.session(command.sessionId).stopPlayback();
        return {};
      case 'send-digits':
        this.session(command.sessionId).sendDigits(command.digits);
        return {};
      case 'info-digit':
        this.session(command.sessionId).receiveInfoDigit(command.digit);
        return {};
      case 'record':
        return this.record(command);
      case 'bridge':
        new SessionBridge(this.session(command.a), this.session(command.b));
        return {};
      case 'unbridge': {
        const s = this.session(command.sessionId);
        if (s.relayTarget?.relayTarget === s) s.relayTarget.relayTarget = undefined;
        s.relayTarget = undefined;
        return {};
      }
      case 'conference': {
        const conference = this.conference(command.conferenceId);
        for (const id of command.sessionIds) conference.join(this.session(id));
        return {};
      }
      case 'supervise': {
        const conference = this.conference(command.conferenceId);
        conference.join(this.session(command.callerId));
        conference.join(this.session(command.agentId));
        const role = command.mode === 'listen' ? PartyRole.Listen : command.mode === 'whisper' ? PartyRole.Whisper : PartyRole.Barge;
        conference.join(this.session(command.supervisorId), role, [command.agentId]);
        return {};
      }
      case 'leave':
        for (const c of this.conferences.values()) c.leave(command.sessionId);
        return {};
      case 'stats':
        return this.session(command.sessionId).snapshot();
      case 'close':
        this.sessions.get(command.sessionId)?.close(command.reason ?? 'closed');
        return {};
      case 'counts':
        return { sessions: this.sessions.size, ports: this.ports.inUse, conferences: this.conferences.size, lateTicks: this.pacer.lateTicks, worstLateMs: this.pacer.worstLateMs };
    }
  }

  private async create(command: Extract<WorkerCommand, { op: 'create' }>): Promise<CommandResult> {
    if (this.sessions.has(command.sessionId)) throw new RangeError(`media session ${command.sessionId} exists`);
    const ports = await this.ports.allocate();
    const codecs = command.codecs?.map((name) => codecByName(name)).filter((c) => c !== undefined);
    const session = new MediaSession({
      id: command.sessionId,
      ports,
      address: this.settings.address,
      ...(codecs?.length ? { codecs } : {}),
      ...(command.inbandDtmf !== undefined ? { inbandDtmf: command.inbandDtmf } : {}),
      ...(command.latch !== undefined ? { latch: command.latch } : {}),
      ...(this.settings.jitterDepth ? { jitterDepth: this.settings.jitterDepth } : {}),
      ...(this.settings.rtcpIntervalMs ? { rtcpIntervalMs: this.settings.rtcpIntervalMs } : {}),
      onEvent: (event) => this.emit(command.sessionId, event),
      logger: this.logger,
    });
    this.sessions.set(session.id, session);
    session.onClose(() => {
      void this.recordings.get(session.id)?.stop().then((r) => this.emit(session.id, { type: 'recording-closed', ...r }));
      this.recordings.delete(session.id);
      this.sessions.delete(session.id);
      if (this.sessions.size === 0) this.pacer.remove(this.driver);
    });
    this.pacer.add(this.driver);
    try {
      const sdp = command.offer ? session.answer(command.offer, command.direction) : session.createOffer(command.direction);
      return { port: session.localPort, sdp };
    } catch (error) {
      session.close('rejected');
      throw error;
    }
  }

  private async play(sessionId: string, command: Extract<WorkerCommand, { op: 'play' }>): Promise<void> {
    const session = this.session(sessionId);
    if (command.items.some((i) => i.kind === 'tts') && !this.tts && this.settings.ttsCacheDir) {
      this.tts = new EspeakTextToSpeech({ cacheDir: this.settings.ttsCacheDir, logger: this.logger });
    }
    const player = await PromptPlayer.load(command.items, {
      stopOnDigit: command.bargeIn ?? false,
      loop: command.loop ?? false,
      ...(this.tts ? { tts: this.tts } : {}),
      onFinished: (end) => this.emit(sessionId, { type: 'playback-finished', reason: end.reason, ...(end.digit ? { digit: end.digit } : {}) }),
    });
    if (this.sessions.get(sessionId) !== session) return player.close(); // hung up while loading
    session.play(player);
  }

  private async record(command: Extract<WorkerCommand, { op: 'record' }>): Promise<CommandResult> {
    const session = this.session(command.sessionId);
    const current = this.recordings.get(session.id);
    if (command.action === 'start') {
      if (current) await current.stop();
      this.recordings.set(session.id, new SessionRecording(session, command.path, command.mode));
      return { path: command.path, durationMs: 0 };
    }
    if (!current) throw new UnknownSessionError(`media session ${session.id} is not recording`);
    if (command.action === 'pause') current.pause();
    else if (command.action === 'resume') current.resume();
    else {
      this.recordings.delete(session.id);
      const result = await current.stop();
      this.emit(session.id, { type: 'recording-closed', ...result });
      return result;
    }
    return { path: current.recorder.path, durationMs: current.recorder.durationMs };
  }

  private conference(id: string): Conference {
    let conference = this.conferences.get(id);
    if (!conference) {
      conference = new Conference(id, () => this.conferences.delete(id));
      this.conferences.set(id, conference);
    }
    return conference;
  }

  /** Closes every session (worker shutdown); their ports are released. */
  closeAll(reason: string): void {
    for (const s of [...this.sessions.values()]) s.close(reason);
    for (const c of [...this.conferences.values()]) c.close();
    this.pacer.stop();
  }
}
