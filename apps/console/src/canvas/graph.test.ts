import { describe, expect, it } from 'vitest';
import type { JourneyDoc } from './document';
import { buildFlow } from './graph';

describe('buildFlow with the steps the canvas shows but does not add', () => {
  it('should place and link update_attributes, wait_for_attribute and webhook steps', () => {
    const doc: JourneyDoc = {
      name: 'Shown',
      steps: [
        { id: 'mark', type: 'update_attributes', increment: { remindersSent: 1 } },
        {
          id: 'upgraded',
          type: 'wait_for_attribute',
          attribute: 'plan',
          timeout: 'P1D',
          onChange: 'crm',
          onTimeout: 'done',
        },
        { id: 'crm', type: 'webhook', url: 'https://crm.example.com/hook', body: {} },
        { id: 'done', type: 'exit' },
      ],
    };
    const { nodes, edges } = buildFlow({
      doc,
      byNode: new Map(),
      selected: null,
      rtl: false,
      edgeLabel: () => null,
    });

    for (const node of nodes) {
      expect(Number.isFinite(node.position.x) && Number.isFinite(node.position.y)).toBe(true);
    }
    expect(edges.map((e) => [e.source, e.data?.handle, e.target])).toEqual(
      expect.arrayContaining([
        ['step-0', 'next', 'step-1'],
        ['step-1', 'onChange', 'step-2'],
        ['step-1', 'onTimeout', 'step-3'],
        ['step-2', 'next', 'step-3'],
      ]),
    );
  });
});
