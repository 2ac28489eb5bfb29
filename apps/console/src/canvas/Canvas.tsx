import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  type Connection,
  type Edge,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepStats } from '../api/types';
import { useFormat } from '../i18n/format';
import { usePreferences } from '../i18n/PreferencesProvider';
import { connect, deleteStep } from './commands';
import { formatDuration } from './duration';
import { buildFlow, END_NODE, type CanvasNode, type LinkEdgeData } from './graph';
import { EDGE_TYPES } from './LinkEdge';
import { NODE_TYPES } from './nodes';
import { useEditor } from './store';
import { ENTRY_NODE, type PlacedProblem } from './validation';

/** Steps fitted into view when a journey opens; a longer journey scrolls on from there. */
const FIT_STEPS = 7;

const stepIndex = (nodeId: string) => (nodeId.startsWith('step-') ? Number(nodeId.slice(5)) : -1);

/** The journey on a canvas: auto layout, zoom, pan, minimap; select, connect, reconnect and delete steps. */
export function Canvas({
  byNode,
  stats,
  lit,
  onOpenPanel,
}: {
  byNode: Map<string, PlacedProblem[]>;
  stats?: Record<string, StepStats>;
  lit?: ReadonlySet<string>;
  onOpenPanel: () => void;
}) {
  const { t, i18n } = useTranslation('canvas');
  const format = useFormat();
  const doc = useEditor((state) => state.doc);
  const selected = useEditor((state) => state.selected);
  const readOnly = useEditor((state) => state.readOnly);
  const dispatch = useEditor((state) => state.dispatch);
  const select = useEditor((state) => state.select);
  const rtl = i18n.dir() === 'rtl';
  const { colorMode } = usePreferences();
  const [measured, setMeasured] = useState<Record<string, { width: number; height: number }>>({});

  const edgeLabel = useCallback(
    (step: Record<string, unknown>, handle: string): string | null => {
      switch (handle) {
        case 'then':
          return t('edges.then');
        case 'else':
          return t('edges.else');
        case 'onEvent':
          return t('edges.onEvent', { event: typeof step.event === 'string' ? step.event : '?' });
        case 'onTimeout':
          return t('edges.onTimeout', {
            duration: formatDuration(typeof step.timeout === 'string' ? step.timeout : '', format.locale),
          });
        default: {
          const match = /^variants\.(\d+)\.next$/.exec(handle);
          if (!match || !Array.isArray(step.variants)) return null;
          const variants = step.variants as { name?: string; weight?: number }[];
          const total = variants.reduce((sum, v) => sum + (typeof v.weight === 'number' ? v.weight : 0), 0);
          const variant = variants[Number(match[1])];
          const share =
            total > 0 && typeof variant?.weight === 'number' ? Math.round((variant.weight / total) * 100) : 0;
          return t('edges.variant', { name: variant?.name ?? '?', share: format.number(share) });
        }
      }
    },
    [t, format],
  );

  const flow = useMemo(
    () => buildFlow({ doc, byNode, stats, lit, selected, rtl, edgeLabel }),
    [doc, byNode, stats, lit, selected, rtl, edgeLabel],
  );
  const nodes = useMemo(
    () =>
      flow.nodes.map((node) =>
        measured[node.id] ? { ...node, measured: measured[node.id] } : node,
      ) as CanvasNode[],
    [flow.nodes, measured],
  );

  // A long journey opens at its start, readable, rather than whole and too small to read: the first steps
  // are fitted, the rest is a scroll away (and on the minimap).
  const fitViewOptions = useMemo(
    () => ({
      padding: 0.2,
      maxZoom: 1,
      minZoom: 0.6,
      nodes: [ENTRY_NODE, ...doc.steps.slice(0, FIT_STEPS).map((_, i) => `step-${i}`)].map((id) => ({ id })),
    }),
    [doc.steps],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      const sizes: Record<string, { width: number; height: number }> = {};
      for (const change of changes) {
        if (change.type === 'dimensions' && change.dimensions) sizes[change.id] = change.dimensions;
        if (change.type === 'select' && change.selected) select(change.id === END_NODE ? null : change.id);
      }
      if (Object.keys(sizes).length) setMeasured((current) => ({ ...current, ...sizes }));
    },
    [select],
  );
  const onEdgesChange = useCallback((_changes: EdgeChange[]) => undefined, []);
  const onNodesDelete = useCallback(
    (deleted: CanvasNode[]) => {
      const indexes = deleted.map((node) => stepIndex(node.id)).filter((i) => i >= 0);
      for (const index of indexes.sort((a, b) => b - a)) dispatch(deleteStep(index));
      select(null);
    },
    [dispatch, select],
  );
  const targetId = (nodeId: string | null) => {
    const index = nodeId ? stepIndex(nodeId) : -1;
    return index >= 0 ? doc.steps[index]?.id : undefined;
  };
  const onConnect = (connection: Connection) => {
    const source = stepIndex(connection.source);
    const target = targetId(connection.target);
    if (source >= 0 && target) dispatch(connect(source, connection.sourceHandle ?? 'next', target));
  };
  const onReconnect = (old: Edge, connection: Connection) => {
    const data = old.data as LinkEdgeData | undefined;
    const target = targetId(connection.target);
    if (data && data.source >= 0 && target) dispatch(connect(data.source, data.handle, target));
  };

  /** Arrow keys move between nodes in journey order; Enter opens the focused node's panel. */
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const element = event.target as HTMLElement;
    const id = element.classList.contains('react-flow__node') ? element.getAttribute('data-id') : null;
    if (!id) return;
    const order = [ENTRY_NODE, ...doc.steps.map((_, i) => `step-${i}`)];
    const at = order.indexOf(id);
    const step = { ArrowDown: 1, ArrowUp: -1, ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[event.key];
    if (step !== undefined && at >= 0) {
      const next = order[Math.min(order.length - 1, Math.max(0, at + step))];
      const target = element.parentElement?.querySelector<HTMLElement>(
        `.react-flow__node[data-id="${next}"]`,
      );
      target?.focus();
      event.preventDefault();
    } else if (event.key === 'Enter' && id !== END_NODE) {
      select(id);
      onOpenPanel();
      event.preventDefault();
    }
  };

  return (
    <div className="canvas" dir="ltr" onKeyDown={onKeyDown} role="region" aria-label={t('canvasLabel')}>
      <ReactFlow<CanvasNode>
        key={rtl ? 'rtl' : 'ltr'}
        colorMode={colorMode}
        nodes={nodes}
        edges={flow.edges as Edge[]}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodesDelete={readOnly ? undefined : onNodesDelete}
        onConnect={readOnly ? undefined : onConnect}
        onReconnect={readOnly ? undefined : onReconnect}
        onNodeClick={(_, node) => {
          if (node.id !== END_NODE) {
            select(node.id);
            onOpenPanel();
          }
        }}
        onPaneClick={() => select(null)}
        nodesDraggable={false}
        nodesConnectable={!readOnly}
        edgesReconnectable={!readOnly}
        deleteKeyCode={readOnly ? null : ['Delete', 'Backspace']}
        isValidConnection={(connection) => connection.target.startsWith('step-')}
        fitView
        fitViewOptions={fitViewOptions}
        minZoom={0.2}
        maxZoom={1.5}
        onlyRenderVisibleElements
        proOptions={{ hideAttribution: true }}
        ariaLabelConfig={{
          'node.a11yDescription.default': t('a11y.node'),
          'node.a11yDescription.keyboardDisabled': t('a11y.node'),
          'edge.a11yDescription.default': t('a11y.edge'),
          'controls.ariaLabel': t('a11y.controls'),
          'controls.zoomIn.ariaLabel': t('a11y.zoomIn'),
          'controls.zoomOut.ariaLabel': t('a11y.zoomOut'),
          'controls.fitView.ariaLabel': t('a11y.fitView'),
          'controls.interactive.ariaLabel': t('a11y.interactive'),
          'minimap.ariaLabel': t('a11y.minimap'),
          'handle.ariaLabel': t('a11y.handle'),
        }}
      >
        <Background gap={20} />
        <MiniMap
          pannable
          zoomable
          position={rtl ? 'bottom-left' : 'bottom-right'}
          ariaLabel={t('a11y.minimap')}
          style={{ width: 150, height: 100 }}
          nodeColor={colorMode === 'dark' ? '#4a5563' : '#c7cfdb'}
        />
        <Controls showInteractive={false} position={rtl ? 'bottom-right' : 'bottom-left'} />
      </ReactFlow>
    </div>
  );
}
