import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type Edge, type EdgeProps } from '@xyflow/react';
import { DropdownMenu } from 'radix-ui';
import { useTranslation } from 'react-i18next';
import { addStep } from './commands';
import { STEP_TYPES } from './document';
import type { LinkEdgeData } from './graph';
import { useEditor } from './store';

/** A link between steps, with its label (then, else, the event, a variant) and "add a step here". */
export function LinkEdge(props: EdgeProps<Edge<LinkEdgeData, 'link'>>) {
  const { t } = useTranslation('canvas');
  const dispatch = useEditor((state) => state.dispatch);
  const readOnly = useEditor((state) => state.readOnly);
  const [path, labelX, labelY] = getSmoothStepPath({ ...props, borderRadius: 10 });
  const data = props.data;
  return (
    <>
      <BaseEdge
        id={props.id}
        path={path}
        markerEnd={props.markerEnd}
        className={data?.lit ? 'edge--lit' : undefined}
      />
      <EdgeLabelRenderer>
        <div
          className="edge-label nodrag nopan"
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
        >
          {data?.label && <span className="edge-label__text">{data.label}</span>}
          {!readOnly && data && (
            <DropdownMenu.Root>
              <DropdownMenu.Trigger
                className="edge-add"
                aria-label={t('addHere', { label: data.label ?? '' })}
              >
                +
              </DropdownMenu.Trigger>
              <DropdownMenu.Portal>
                <DropdownMenu.Content className="menu" sideOffset={4}>
                  {STEP_TYPES.map((type) => (
                    <DropdownMenu.Item
                      key={type}
                      className="menu__item"
                      onSelect={() => dispatch(addStep(type, { source: data.source, handle: data.handle }))}
                    >
                      {t(`types.${type}`)}
                    </DropdownMenu.Item>
                  ))}
                </DropdownMenu.Content>
              </DropdownMenu.Portal>
            </DropdownMenu.Root>
          )}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

export const EDGE_TYPES = { link: LinkEdge };
