import type { IvrFlowVersion } from '@rexian/contracts';

/** What a flow without any version starts from in the editor. */
export const EMPTY_GRAPH = { version: 1, start: 'start', settings: {}, nodes: [] };

/** The graph the editor opens with: the draft, else the published version, else an empty one. */
export function editorStartGraph(versions: IvrFlowVersion[]): unknown {
  const draft = versions.find((v) => v.status === 'draft');
  const published = versions.find((v) => v.status === 'published');
  return (draft ?? published)?.graph ?? EMPTY_GRAPH;
}

export function graphToText(graph: unknown): string {
  return JSON.stringify(graph, null, 2);
}

/** Parses the editor's text; a syntax error comes back as a message instead of a throw. */
export function parseGraphText(text: string): { graph: unknown } | { error: string } {
  try {
    return { graph: JSON.parse(text) as unknown };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
