import '@xyflow/react/dist/style.css';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import { RESTRICTED_PROJECT } from '@domain/snapshot/viewer-filter';
import {
  Background,
  BaseEdge,
  Controls,
  type Edge,
  type EdgeChange,
  type EdgeProps,
  getBezierPath,
  Handle,
  MarkerType,
  MiniMap,
  type Node,
  type NodeChange,
  type NodeProps,
  Position,
  ReactFlow,
} from '@xyflow/react';
import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import { LoadingState } from '../../shared/ui/LoadingState';
import { RAG_APPEARANCE, RAG_LABEL } from '../../shared/ui/rag';
import type { DependencyModel, ProjectEdgeModel, ProjectNodeModel } from './dependency-model';
import {
  type GraphLayout,
  halfwayPoint,
  layoutProjectGraph,
  NODE_HEIGHT,
  NODE_WIDTH,
  type Point,
  roundedPath,
} from './layout';
import type { ProjectPair } from './query';

/** What the graph emphasises: nothing, the dependency cycles, or the critical path. */
export type Highlight = 'none' | 'cycles' | 'critical';

type ProjectNodeData = {
  project: ProjectNodeModel;
  /** Faded: not linked to the focused project. (Highlighting fades and outlines nodes with CSS.) */
  dimmed: boolean;
};
type ProjectFlowNode = Node<ProjectNodeData, 'project'>;

const RAG_BORDER = {
  red: token('color.border.danger'),
  amber: token('color.border.warning'),
  green: token('color.border.success'),
  none: token('color.border'),
} as const;

const MINIMAP_FILL = {
  red: token('color.icon.danger'),
  amber: token('color.icon.warning'),
  green: token('color.icon.success'),
  none: token('color.icon.subtle'),
} as const;

/** A project: key, health and name. Handles are invisible: links are not edited here. */
const ProjectNode = memo(function ProjectNode({ data }: NodeProps<ProjectFlowNode>) {
  const { project, dimmed } = data;
  const classes = ['pmo-dep-node'];
  if (dimmed) classes.push('pmo-dep-node--dimmed');
  if (!project.inPortfolio) classes.push('pmo-dep-node--outside');
  return (
    <div
      className={classes.join(' ')}
      style={{ width: NODE_WIDTH, height: NODE_HEIGHT, borderLeftColor: RAG_BORDER[project.rag] }}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} className="pmo-dep-node__handle" />
      <div className="pmo-dep-node__top">
        {/* A project the viewer cannot browse has no key to show: its name says what it is. */}
        <span className="pmo-key pmo-dep-node__key">
          {project.key === RESTRICTED_PROJECT ? '' : project.key}
        </span>
        {project.inPortfolio ? (
          <Lozenge appearance={RAG_APPEARANCE[project.rag]}>{RAG_LABEL[project.rag]}</Lozenge>
        ) : project.key === RESTRICTED_PROJECT ? null : (
          <span className="pmo-subtlest">Outside the portfolio</span>
        )}
      </div>
      <div className="pmo-dep-node__name pmo-truncate" title={project.name}>
        {project.name}
      </div>
      <Handle
        type="source"
        position={Position.Right}
        isConnectable={false}
        className="pmo-dep-node__handle"
      />
    </div>
  );
});

const NODE_TYPES = { project: ProjectNode };

type RoutedFlowEdge = Edge<{ points: Point[] | null }, 'routed'>;

/** An edge along ELK's route (rounded corners); a plain curve for edges ELK did not lay out. */
const RoutedEdge = memo(function RoutedEdge(props: EdgeProps<RoutedFlowEdge>) {
  const points = props.data?.points;
  let path: string;
  let labelX: number;
  let labelY: number;
  if (points && points.length >= 2) {
    path = roundedPath(points);
    ({ x: labelX, y: labelY } = halfwayPoint(points));
  } else {
    [path, labelX, labelY] = getBezierPath(props);
  }
  return (
    <BaseEdge
      id={props.id}
      path={path}
      markerEnd={props.markerEnd}
      style={props.style}
      label={props.label}
      labelX={labelX}
      labelY={labelY}
      labelStyle={props.labelStyle}
      labelShowBg={props.labelShowBg}
      labelBgStyle={props.labelBgStyle}
      labelBgPadding={props.labelBgPadding}
      labelBgBorderRadius={props.labelBgBorderRadius}
      interactionWidth={props.interactionWidth}
    />
  );
});

const EDGE_TYPES = { routed: RoutedEdge };

function edgeWidth(open: number): number {
  return Math.min(9, 1.5 + Math.log2(open) * 1.6);
}

export function edgeLabel(edge: ProjectEdgeModel): string {
  const parts = [`${edge.from} blocks ${edge.to}: ${edge.open} open ${edge.open === 1 ? 'link' : 'links'}`];
  if (edge.late > 0) parts.push(`${edge.late} late`);
  if (edge.inCycle > 0) parts.push(`${edge.inCycle} in a cycle`);
  if (edge.onCriticalPath) parts.push('on the critical path');
  return parts.join(', ');
}

function nodeLabel(project: ProjectNodeModel): string {
  const health = project.inPortfolio ? `health ${RAG_LABEL[project.rag]}` : 'outside the portfolio';
  return `${project.key} ${project.name}, ${health}; blocks ${project.blocksLinks} and is blocked by ${project.blockedByLinks} issues in other projects`;
}

/** Edge colours: red for late or cyclic links, purple for the critical path when highlighted. */
function edgeColour(edge: ProjectEdgeModel, variant: EdgeVariant): string {
  if (variant.selected) return token('color.border.selected');
  if (variant.critical) return token('color.border.discovery');
  if (edge.late > 0 || edge.inCycle > 0) return token('color.border.danger');
  return token('color.border.bold');
}

/** What makes an edge look other than its default: selected, purple on the critical path, out of focus. */
interface EdgeVariant {
  selected: boolean;
  critical: boolean;
  unfocused: boolean;
}
const DEFAULT_VARIANT: EdgeVariant = { selected: false, critical: false, unfocused: false };

function flowEdge(edge: ProjectEdgeModel, layout: GraphLayout, variant: EdgeVariant): RoutedFlowEdge {
  const colour = edgeColour(edge, variant);
  const classes = ['pmo-dep-edge'];
  if (edge.inCycle > 0) classes.push('is-cycle');
  if (edge.onCriticalPath) classes.push('is-critical');
  return {
    id: edge.id,
    type: 'routed',
    source: edge.from,
    target: edge.to,
    className: classes.join(' '),
    data: { points: layout.routes.get(edge.id) ?? null },
    selected: variant.selected,
    label: edge.open > 1 ? String(edge.open) : undefined,
    labelStyle: { fill: token('color.text'), fontWeight: 600 },
    labelBgStyle: { fill: token('elevation.surface') },
    labelBgPadding: [4, 2],
    labelBgBorderRadius: 4,
    style: {
      stroke: colour,
      strokeWidth: edgeWidth(edge.open) + (variant.selected ? 1.5 : 0),
      opacity: variant.unfocused ? 0.12 : undefined,
    },
    markerEnd: { type: MarkerType.ArrowClosed, color: colour, width: 14, height: 14 },
    zIndex: variant.selected ? 2 : variant.unfocused ? 0 : 1,
    interactionWidth: 16,
    ariaLabel: edgeLabel(edge),
    domAttributes: {
      'data-testid': `dependency-edge-${edge.from}-${edge.to}`,
      'data-late': edge.late > 0 ? 'true' : 'false',
      'data-cycle': edge.inCycle > 0 ? 'true' : 'false',
      'data-critical': edge.onCriticalPath ? 'true' : 'false',
      'data-open': String(edge.open),
    } as Edge['domAttributes'],
  };
}

function flowNode(
  project: ProjectNodeModel,
  layout: GraphLayout,
  focused: boolean,
  dimmed: boolean,
): ProjectFlowNode {
  const classes: string[] = [];
  if (project.inCycle) classes.push('is-cycle');
  if (project.onCriticalPath) classes.push('is-critical');
  return {
    id: project.key,
    type: 'project',
    position: layout.positions.get(project.key) ?? { x: 0, y: 0 },
    width: NODE_WIDTH,
    height: NODE_HEIGHT,
    className: classes.join(' '),
    data: { project, dimmed },
    selected: focused,
    draggable: false,
    connectable: false,
    ariaLabel: nodeLabel(project),
    domAttributes: {
      'data-testid': `dependency-node-${project.key}`,
      'data-rag': project.rag,
    } as ProjectFlowNode['domAttributes'],
  };
}

const ARIA_LABELS = {
  'node.a11yDescription.default':
    'Press Enter or Space to focus on this project’s dependencies; Escape to clear the focus.',
  'edge.a11yDescription.default':
    'Press Enter or Space to list the issue links between these two projects below the graph.',
  'controls.ariaLabel': 'Graph controls',
  'controls.zoomIn.ariaLabel': 'Zoom in',
  'controls.zoomOut.ariaLabel': 'Zoom out',
  'controls.fitView.ariaLabel': 'Fit the whole graph',
  'minimap.ariaLabel': 'Overview map of the graph',
};

const FIT_VIEW_OPTIONS = { padding: 0.08, maxZoom: 1.2 };

interface GraphProps {
  model: DependencyModel;
  highlight: Highlight;
  selected: ProjectPair | null;
  onSelectPair: (pair: ProjectPair) => void;
}

/**
 * The project graph: ELK lays it out once per model (async, off the render path); xyflow draws it with pan,
 * zoom, fit view and a minimap. Nodes and edges are memoised: highlighting, focusing or selecting
 * restyles them without a new layout, and hovering changes no React state at all.
 */
export function DependencyGraph({ model, highlight, selected, onSelectPair }: GraphProps) {
  const [layout, setLayout] = useState<{ model: DependencyModel; layout: GraphLayout } | null>(null);
  const [layoutError, setLayoutError] = useState<string | null>(null);
  const [focused, setFocused] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    setLayoutError(null);
    layoutProjectGraph(model).then(
      (result) => {
        if (!cancelled) setLayout({ model, layout: result });
      },
      (error: unknown) => {
        if (!cancelled) setLayoutError(error instanceof Error ? error.message : String(error));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [model]);

  const current = layout !== null && layout.model === model ? layout.layout : null;
  const selectedId = selected === null ? null : `${selected.from}-${selected.to}`;

  // Nodes and edges are built once per layout; highlighting is CSS on the container (no React update per
  // element) and selection or focus rebuilds only the elements they change, so xyflow, which re-renders an
  // element only when its object changes, redraws a handful of them.
  const baseNodes = useMemo(
    () => (current === null ? [] : model.nodes.map((project) => flowNode(project, current, false, false))),
    [current, model],
  );
  const nodes = useMemo(() => {
    if (focused === null || current === null) return baseNodes;
    return baseNodes.map((node, i) => {
      const project = model.nodes[i] as ProjectNodeModel;
      const near =
        project.key === focused ||
        model.edgeById.has(`${focused}-${project.key}`) ||
        model.edgeById.has(`${project.key}-${focused}`);
      return project.key === focused || !near
        ? flowNode(project, current, project.key === focused, !near)
        : node;
    });
  }, [baseNodes, current, model, focused]);

  const baseEdges = useMemo(
    () => (current === null ? [] : model.edges.map((edge) => flowEdge(edge, current, DEFAULT_VARIANT))),
    [current, model],
  );
  const edges = useMemo(() => {
    if (current === null) return baseEdges;
    return baseEdges.map((base, i) => {
      const edge = model.edges[i] as ProjectEdgeModel;
      const variant: EdgeVariant = {
        selected: edge.id === selectedId,
        critical: highlight === 'critical' && edge.onCriticalPath,
        unfocused: focused !== null && edge.from !== focused && edge.to !== focused,
      };
      return variant.selected || variant.critical || variant.unfocused
        ? flowEdge(edge, current, variant)
        : base;
    });
  }, [baseEdges, current, model, selectedId, highlight, focused]);

  const selectEdge = useCallback(
    (id: string) => {
      const edge = model.edgeById.get(id);
      if (edge) onSelectPair({ from: edge.from, to: edge.to });
    },
    [model, onSelectPair],
  );
  const onEdgeClick = useCallback((_: unknown, edge: Edge) => selectEdge(edge.id), [selectEdge]);
  // Keyboard selection (Enter or Space on a focused edge) arrives as a selection change.
  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      for (const change of changes) if (change.type === 'select' && change.selected) selectEdge(change.id);
    },
    [selectEdge],
  );
  const onNodesChange = useCallback((changes: NodeChange[]) => {
    for (const change of changes) {
      if (change.type === 'select')
        setFocused((was) => (change.selected ? change.id : was === change.id ? null : was));
    }
  }, []);
  const clearFocus = useCallback(() => setFocused(null), []);
  const minimapColour = useCallback(
    (node: Node) => MINIMAP_FILL[(node as ProjectFlowNode).data.project.rag],
    [],
  );

  if (layoutError !== null) {
    return (
      <p className="pmo-subtle" role="alert">
        The graph could not be drawn ({layoutError}). The list view shows the same dependencies.
      </p>
    );
  }
  if (current === null) {
    return (
      <div className="pmo-deps-graph pmo-deps-graph--pending" data-testid="dependencies-graph-pending">
        <LoadingState label={`Laying out ${model.nodes.length} projects`} />
      </div>
    );
  }
  return (
    <section
      className={model.nodes.length > 24 ? 'pmo-deps-graph pmo-deps-graph--large' : 'pmo-deps-graph'}
      data-testid="dependencies-graph"
      data-highlight={highlight}
      aria-label="Dependency graph of projects"
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        onEdgeClick={onEdgeClick}
        onEdgesChange={onEdgesChange}
        onNodesChange={onNodesChange}
        onPaneClick={clearFocus}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesReconnectable={false}
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        minZoom={0.05}
        maxZoom={2}
        onlyRenderVisibleElements
        ariaLabelConfig={ARIA_LABELS}
        proOptions={{ hideAttribution: false }}
      >
        <Background gap={24} size={1} />
        <Controls showInteractive={false} position="top-left" />
        <MiniMap pannable zoomable nodeColor={minimapColour} nodeStrokeWidth={0} position="bottom-right" />
      </ReactFlow>
    </section>
  );
}
