import { useEffect, useState } from 'react';
import { App, Card, Popover, Space, Typography } from 'antd';
import type { CtiCommandInput } from '@rexian/contracts';
import { useMe } from '../auth/MeContext';
import { useT } from '../i18n/use-t';
import { AgentSignIn } from '../switch/AgentSignIn';
import { AgentStateBar } from '../switch/AgentStateBar';
import { ConnectionBanner } from '../switch/ConnectionBanner';
import { CurrentCallCard } from '../switch/CurrentCallCard';
import { NO_ACTIONS, availableActions } from '../switch/agent-console-state';
import { AgentWorkbench } from '../switch/AgentWorkbench';
import { HelpRequestButton } from '../switch/HelpRequestButton';
import { SHORTCUTS, isTyping, shortcutCommand } from '../switch/agent-shortcuts';
import { useQueues } from '../switch/queues-api';
import { useAgentConsole } from '../switch/use-agent-console';

/** 话务台: the agent's console on the CTI — sign in, state, the current call with its screen pop and controls. */
export function AgentPage() {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const { state, connected, everConnected, command } = useAgentConsole(me.id);
  // While the socket is down nothing can be sent: every button waits for the reconnect.
  const actions = connected ? availableActions(state) : NO_ACTIONS;
  const queues = useQueues();
  const wrapUpSec = queues.data?.find((q) => q.id === state.call?.queueId)?.wrapUpSec ?? null;
  const [asking, setAsking] = useState(false);
  const callId = state.call?.callId ?? null;

  // Function-key shortcuts for the softphone, except while typing in a field.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target)) return;
      const command = shortcutCommand(event.key, actions, callId, 'busy');
      if (command === undefined) return;
      event.preventDefault();
      if (command === 'help') setAsking(true);
      else void send(command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  async function send(input: CtiCommandInput) {
    try {
      const result = await command(input);
      if (!result.ok) void message.error(result.message ?? t('agent.commandFailed'));
      // Done, with something to know (签入 with a phone that is not registered yet …).
      else if (result.message) void message.warning(result.message);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : t('agent.commandFailed'));
    }
  }

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <ConnectionBanner connected={connected} everConnected={everConnected} />
      <Card
        title={t('menu.agent')}
        extra={
          <Space>
            <HelpRequestButton
              disabled={!connected || state.presence === 'logged-out'}
              open={asking}
              onOpen={() => setAsking(true)}
              onClose={() => setAsking(false)}
              onSend={(text) => void send({ command: 'agent.help', message: text })}
            />
            <Popover content={<div>{SHORTCUTS.map((s) => <div key={s.key}><Typography.Text keyboard>{s.key}</Typography.Text> {t(s.label)}</div>)}</div>}>
              <Typography.Link>{t('agent.shortcuts')}</Typography.Link>
            </Popover>
          </Space>
        }
      >
        {state.presence === 'logged-out' ? (
          <AgentSignIn disabled={!connected} onSignIn={(extension, autoAnswer) => send({ command: 'agent.login', extension, autoAnswer })} />
        ) : (
          <AgentStateBar state={state} actions={actions} send={(c) => void send(c)} wrapUpSec={wrapUpSec} />
        )}
      </Card>
      {state.presence !== 'logged-out' && <CurrentCallCard call={state.call} actions={actions} send={(c) => void send(c)} />}
      <AgentWorkbench agentId={me.id} presence={state.presence} />
    </Space>
  );
}
