/** The graph a new flow starts with when none is given: a greeting, then hang up. */
export function starterFlow(): Record<string, unknown> {
  return {
    version: 1,
    start: 'welcome',
    settings: {},
    nodes: [
      { id: 'welcome', type: 'play', name: '欢迎语', prompts: [{ kind: 'tts', text: '您好，欢迎致电。' }], bargeIn: true, next: { next: 'bye' } },
      { id: 'bye', type: 'hangup', name: '挂机', next: {} },
    ],
  };
}
