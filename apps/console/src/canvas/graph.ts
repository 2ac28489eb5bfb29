import { Graph, layout } from '@dagrejs/dagre';
import type { Edge, Node } from '@xyflow/react';
import type { StepStats } from '../api/types';
import { handleOf, indexOfId, linksOf, type DraftStep, type JourneyDoc } from './document';
import { ENTRY_NODE, stepNodeId, type PlacedProblem } from './validation';

export const END_NODE = 'end';
export const NODE_WIDTH = 260;

export interface StepNodeData extends Record<string, unknown> {
  index: number;
  step: DraftStep;
  problems: PlacedProblem[];
  stats: StepStats | undefined;
  lit: boolean;
  /** The step's outgoing handles in the order their targets sit on the canvas, so links do not cross. */
  handles: string[];
}

export interface EntryNodeData extends Record<string, unknown> {
  doc: JourneyDoc;
  problems: PlacedProblem[];
  stats: { entered: number } | undefined;
  lit: boolean;
}

export interface LinkEdgeData extends Record<string, unknown> {
  /** The step the link leaves (-1 for the entry) and its handle, for "add a step here". */
  source: number;
  handle: string;
  label: string | null;
  lit: boolean;
}

export type CanvasNode =
  Node<StepNodeData, 'step'> | Node<EntryNodeData, 'entry'> | Node<Record<string, never>, 'end'>;
export type CanvasEdge = Edge<LinkEdgeData, 'link'>;

function heightOf(step: DraftStep | null): number {
  if (step === null) return 150;
  switch (step.type) {
    case 'send':
      return 120;
    case 'split':
      return 100 + 22 * (Array.isArray(step.variants) ? step.variants.length : 0);
    case 'exit':
      return 64;
    case 'wait':
    case 'wait_for_event':
    case 'wait_for_attribute':
    case 'update_attributes':
    case 'webhook':
    case 'branch':
      return 96;
  }
}

export interface FlowInput {
  doc: JourneyDoc;
  byNode: Map<string, PlacedProblem[]>;
  stats?: Record<string, StepStats>;
  /** Step ids on the simulated path, lit on the canvas. */
  lit?: ReadonlySet<string>;
  selected: string | null;
  rtl: boolean;
  edgeLabel: (step: DraftStep, handle: string) => string | null;
}

/** The journey as React Flow nodes and edges, laid out top to bottom by dagre (mirrored for rtl). */
export function buildFlow({ doc, byNode, stats, lit, selected, rtl, edgeLabel }: FlowInput): {
  nodes: CanvasNode[];
  edges: CanvasEdge[];
} {
  const steps = doc.steps;
  const nodes: CanvasNode[] = [];
  const edges: CanvasEdge[] = [];
  const litIds = lit ?? new Set<string>();
  const entered = steps[0] && stats?.[steps[0].id]?.entered;
  nodes.push({
    id: ENTRY_NODE,
    type: 'entry',
    position: { x: 0, y: 0 },
    data: {
      doc,
      problems: byNode.get(ENTRY_NODE) ?? [],
      stats: entered === undefined ? undefined : { entered },
      lit: litIds.size > 0,
    },
    selected: selected === ENTRY_NODE,
    deletable: false,
  });
  let needsEnd = steps.length === 0;
  if (steps.length > 0) {
    edges.push({
      id: `${ENTRY_NODE}->0`,
      type: 'link',
      source: ENTRY_NODE,
      target: stepNodeId(0),
      sourceHandle: 'next',
      data: { source: -1, handle: 'next', label: null, lit: litIds.has(steps[0].id) },
      reconnectable: false,
    });
  } else {
    edges.push({
      id: `${ENTRY_NODE}->end`,
      type: 'link',
      source: ENTRY_NODE,
      target: END_NODE,
      sourceHandle: 'next',
      data: { source: -1, handle: 'next', label: null, lit: false },
      reconnectable: false,
    });
  }
  steps.forEach((step, index) => {
    const id = stepNodeId(index);
    nodes.push({
      id,
      type: 'step',
      position: { x: 0, y: 0 },
      data: {
        index,
        step,
        problems: byNode.get(id) ?? [],
        stats: stats?.[step.id],
        lit: litIds.has(step.id),
        handles: [],
      },
      selected: selected === id,
    });
    for (const link of linksOf(steps, index)) {
      const handle = handleOf(link);
      const targetIndex = indexOfId(steps, link.to);
      if (link.to !== null && targetIndex < 0) continue;
      const target = link.to === null ? END_NODE : stepNodeId(targetIndex);
      if (link.to === null) needsEnd = true;
      edges.push({
        id: `${id}:${handle}`,
        type: 'link',
        source: id,
        target,
        sourceHandle: handle,
        data: {
          source: index,
          handle,
          label: edgeLabel(step, handle),
          lit: litIds.has(step.id) && link.to !== null && litIds.has(link.to),
        },
        reconnectable: 'target',
      });
    }
  });
  if (needsEnd) {
    nodes.push({
      id: END_NODE,
      type: 'end',
      position: { x: 0, y: 0 },
      data: {},
      deletable: false,
      selectable: false,
    });
  }

  const graph = new Graph();
  graph.setGraph({ rankdir: 'TB', nodesep: 50, ranksep: 70, marginx: 20, marginy: 20 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) {
    const step = node.type === 'step' ? node.data.step : null;
    const height = node.type === 'end' ? 44 : node.type === 'entry' ? heightOf(null) : heightOf(step);
    graph.setNode(node.id, { width: NODE_WIDTH, height });
  }
  for (const edge of edges) graph.setEdge(edge.source, edge.target, { minlen: edge.data?.label ? 2 : 1 });
  layout(graph);
  for (const node of nodes) {
    const placed = graph.node(node.id);
    const x = placed.x - placed.width / 2;
    node.position = { x: rtl ? -x - placed.width : x, y: placed.y - placed.height / 2 };
    node.width = NODE_WIDTH;
  }
  const x = new Map(nodes.map((node) => [node.id, node.position.x]));
  for (const node of nodes) {
    if (node.type !== 'step') continue;
    const out = edges.filter((edge) => edge.source === node.id);
    node.data.handles = out
      .map((edge, i) => ({ handle: edge.sourceHandle ?? 'next', x: x.get(edge.target) ?? 0, i }))
      .sort((a, b) => a.x - b.x || a.i - b.i)
      .map((entry) => entry.handle);
  }
  return { nodes, edges };
}
