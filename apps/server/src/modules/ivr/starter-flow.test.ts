import { describe, expect, it } from 'vitest';
import { validateFlow } from '@rexian/switch';
import { starterFlow } from './starter-flow';

describe('a new flow', () => {
  it('starts with a graph that can be published as it is', () => {
    expect(validateFlow(starterFlow())).toEqual([]);
  });
});
