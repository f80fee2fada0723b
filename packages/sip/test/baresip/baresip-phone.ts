/**
 * A headless baresip 1.0.0 (Debian baresip-core) for tests: a temporary config directory, SIP on
 * 127.0.0.1 at a port the OS picks, no audio devices (aubridge to nowhere), one account.
 * stop('SIGTERM') lets it un-register; stop('SIGKILL') makes it vanish without a word.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const hasBaresip = spawnSync('sh', ['-c', 'command -v baresip'], { encoding: 'utf8' }).status === 0;

export interface BaresipPhone {
  /** Everything baresip printed so far. */
  log(): string;
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
}

/**
 * Starts baresip with one account line, e.g. "<sip:1001@127.0.0.1:5060>;auth_pass=x;regint=60",
 * and optional menu commands to run at start (e.g. "/dial sip:8000@127.0.0.1:5060").
 */
export function startBaresip(account: string, commands: readonly string[] = []): BaresipPhone {
  const dir = mkdtempSync(join(tmpdir(), 'rexian-baresip-'));
  writeFileSync(
    join(dir, 'config'),
    [
      'poll_method\tepoll',
      'net_interface\t127.0.0.1',
      'sip_listen\t127.0.0.1:0',
      'audio_player\taubridge,nowhere',
      'audio_source\taubridge,nowhere',
      'module_path\t/usr/lib/baresip/modules',
      'module\tg711.so',
      'module\taubridge.so',
      'module_tmp\taccount.so',
      'module_app\tmenu.so',
      '',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'accounts'), `${account};audio_codecs=pcmu\n`);
  writeFileSync(join(dir, 'contacts'), '');
  let output = '';
  const child: ChildProcess = spawn('baresip', ['-f', dir, ...commands.flatMap((c) => ['-e', c])], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    log: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      // baresip un-registers on SIGTERM and then exits; never wait more than 3 s for it.
      const late = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(late);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Polls `check` every 50 ms until it is true or `ms` pass. */
export async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}
