import '@xyflow/react/dist/style.css';
import { token } from '@atlaskit/tokens';
import type { Rag } from '@domain/health/health';
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
  type ReactFlowInstance,
  type ReactFlowProps,
} from '@xyflow/react';
import { memo, type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { LoadingState } from '../../shared/ui/LoadingState';
import { RagLozenge } from '../../shared/ui/RagLozenge';
import { RAG_LABEL } from '../../shared/ui/rag';
import type { ProjectEdgeModel, ProjectNodeModel } from './dependency-model';
import type { GraphEdge, GraphGroup, GraphModel } from './graph-model';
import {
  GROUP_HEADER,
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

type GroupNodeData = { group: GraphGroup; onToggle: (name: string) => void };
type GroupFlowNode = Node<GroupNodeData, 'groupBox' | 'groupFolded'>;
type FlowNode = ProjectFlowNode | GroupFlowNode;

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

/** A node of the graph: a box edged in its RAG, with the invisible handles its links attach to. */
function NodeBox({ className, rag, children }: { className: string; rag: Rag; children: ReactNode }) {
  return (
    <div
      className={className}
      style={{ width: NODE_WIDTH, height: NODE_HEIGHT, borderLeftColor: RAG_BORDER[rag] }}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} className="pmo-dep-node__handle" />
      {children}
      <Handle
        type="source"
        position={Position.Right}
        isConnectable={false}
        className="pmo-dep-node__handle"
      />
    </div>
  );
}

/** A project: key, health and name. Handles are invisible: links are not edited here. */
const ProjectNode = memo(function ProjectNode({ data }: NodeProps<ProjectFlowNode>) {
  const { project, dimmed } = data;
  const classes = ['pmo-dep-node'];
  if (dimmed) classes.push('pmo-dep-node--dimmed');
  if (!project.inPortfolio) classes.push('pmo-dep-node--outside');
  return (
    <NodeBox className={classes.join(' ')} rag={project.rag}>
      <div className="pmo-dep-node__top">
        {/* A project the viewer cannot browse has no key to show: its name says what it is. */}
        <span className="pmo-key pmo-dep-node__key">
          {project.key === RESTRICTED_PROJECT ? '' : project.key}
        </span>
        {project.inPortfolio ? (
          <RagLozenge rag={project.rag} />
        ) : project.key === RESTRICTED_PROJECT ? null : (
          <span className="pmo-subtlest">Outside the portfolio</span>
        )}
      </div>
      <div className="pmo-dep-node__name pmo-truncate" title={project.name}>
        {project.name}
      </div>
    </NodeBox>
  );
});

function groupSummary(group: GraphGroup): string {
  return `${group.members.length} ${group.members.length === 1 ? 'project' : 'projects'}`;
}

/** Folds or unfolds a category of the graph. */
function GroupToggle({ group, expanded, onToggle }: GroupNodeData & { expanded: boolean }) {
  const verb = expanded ? 'Collapse' : 'Expand';
  return (
    <button
      type="button"
      className="pmo-dep-group__toggle nodrag nopan"
      onClick={() => onToggle(group.name)}
      aria-expanded={expanded}
      aria-label={`${verb} ${group.name}`}
      data-testid={`dependency-group-toggle-${group.name}`}
    >
      {verb}
    </button>
  );
}

/** An expanded category: a box behind its projects, with its name and a button to fold it. */
const GroupBoxNode = memo(function GroupBoxNode({ data }: NodeProps<GroupFlowNode>) {
  const { group, onToggle } = data;
  return (
    <div className="pmo-dep-group" style={{ borderTopColor: RAG_BORDER[group.rag] }}>
      <div className="pmo-dep-group__header" style={{ height: GROUP_HEADER }}>
        <span className="pmo-dep-group__name pmo-truncate">{group.name}</span>
        <span className="pmo-subtlest">{groupSummary(group)}</span>
        <GroupToggle group={group} expanded onToggle={onToggle} />
      </div>
    </div>
  );
});

/** A collapsed category: one node for all its projects; its links are summed. */
const GroupFoldedNode = memo(function GroupFoldedNode({ data }: NodeProps<GroupFlowNode>) {
  const { group, onToggle } = data;
  return (
    <NodeBox className="pmo-dep-node pmo-dep-node--group" rag={group.rag}>
      <div className="pmo-dep-node__top">
        <span className="pmo-dep-node__name pmo-truncate" title={group.name}>
          {group.name}
        </span>
        <GroupToggle group={group} expanded={false} onToggle={onToggle} />
      </div>
      <div className="pmo-subtlest">{groupSummary(group)}, collapsed</div>
    </NodeBox>
  );
});

const NODE_TYPES = { project: ProjectNode, groupBox: GroupBoxNode, groupFolded: GroupFoldedNode };

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

function aggregatedLabel(edge: ProjectEdgeModel): string {
  const name = (end: string) => (end.startsWith('group:') ? end.slice('group:'.length) : end);
  return edgeLabel({ ...edge, from: name(edge.from), to: name(edge.to) }).replace(
    ':',
    ' (collapsed categories, summed):',
  );
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

function flowEdge(graphEdge: GraphEdge, layout: GraphLayout, variant: EdgeVariant): RoutedFlowEdge {
  const { edge } = graphEdge;
  const colour = edgeColour(edge, variant);
  const classes = ['pmo-dep-edge'];
  if (edge.inCycle > 0) classes.push('is-cycle');
  if (edge.onCriticalPath) classes.push('is-critical');
  if (graphEdge.aggregated) classes.push('is-aggregated');
  return {
    id: graphEdge.id,
    type: 'routed',
    source: graphEdge.source,
    target: graphEdge.target,
    className: classes.join(' '),
    // A summed edge stands for several pairs: it has no one drill-down (expand the group for those).
    selectable: !graphEdge.aggregated,
    focusable: !graphEdge.aggregated,
    data: { points: layout.routes.get(graphEdge.id) ?? null },
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
    ariaLabel: graphEdge.aggregated ? aggregatedLabel(edge) : edgeLabel(edge),
    domAttributes: {
      'data-testid': graphEdge.aggregated
        ? `dependency-group-edge-${edge.from}>${edge.to}`
        : `dependency-edge-${edge.from}-${edge.to}`,
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
  matched: boolean,
): ProjectFlowNode {
  const classes: string[] = [];
  if (project.inCycle) classes.push('is-cycle');
  if (project.onCriticalPath) classes.push('is-critical');
  if (matched) classes.push('is-match');
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
      'data-match': matched ? 'true' : 'false',
    } as ProjectFlowNode['domAttributes'],
  };
}

function groupNode(
  group: GraphGroup,
  layout: GraphLayout,
  onToggle: (name: string) => void,
  matched: boolean,
): GroupFlowNode {
  const box = group.collapsed ? undefined : layout.groupBoxes.get(group.id);
  const position = box ?? layout.positions.get(group.id) ?? { x: 0, y: 0 };
  const width = box?.width ?? NODE_WIDTH;
  const height = box?.height ?? NODE_HEIGHT;
  return {
    id: group.id,
    type: group.collapsed ? 'groupFolded' : 'groupBox',
    position: { x: position.x, y: position.y },
    width,
    height,
    style: { width, height },
    className: matched ? 'is-match' : undefined,
    // Boxes sit behind their projects and are not themselves selectable.
    zIndex: group.collapsed ? 0 : -1,
    selectable: false,
    focusable: group.collapsed,
    draggable: false,
    connectable: false,
    data: { group, onToggle },
    ariaLabel: `Category ${group.name}: ${groupSummary(group)}${group.collapsed ? ', collapsed' : ''}`,
    domAttributes: {
      'data-testid': `dependency-group-${group.name}`,
      'data-collapsed': group.collapsed ? 'true' : 'false',
      'data-members': String(group.members.length),
    } as GroupFlowNode['domAttributes'],
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

/**
 * What never changes about the graph view: the PMO reads it, so nodes and edges cannot be dragged,
 * connected or deleted; it opens fitted and renders only what is on screen (1,000 links stay smooth).
 */
const READ_ONLY_VIEW = {
  nodeTypes: NODE_TYPES,
  edgeTypes: EDGE_TYPES,
  nodesDraggable: false,
  nodesConnectable: false,
  edgesReconnectable: false,
  deleteKeyCode: null,
  selectionKeyCode: null,
  multiSelectionKeyCode: null,
  fitView: true,
  fitViewOptions: { padding: 0.08, maxZoom: 1.2 },
  minZoom: 0.05,
  maxZoom: 2,
  onlyRenderVisibleElements: true,
  ariaLabelConfig: ARIA_LABELS,
  proOptions: { hideAttribution: false },
} satisfies Partial<ReactFlowProps<FlowNode, RoutedFlowEdge>>;

interface GraphProps {
  graph: GraphModel;
  highlight: Highlight;
  selected: ProjectPair | null;
  onSelectPair: (pair: ProjectPair) => void;
  /** Project keys the search found: outlined, and the view moves to them. */
  matches: ReadonlySet<string>;
  onToggleGroup: (name: string) => void;
}

/**
 * The project graph: ELK lays it out once per graph (async, off the render path); xyflow draws it with pan,
 * zoom, fit view and a minimap. Nodes and edges are memoised: highlighting, focusing or selecting
 * restyles them without a new layout, and hovering changes no React state at all.
 */
export function DependencyGraph({
  graph,
  highlight,
  selected,
  onSelectPair,
  matches,
  onToggleGroup,
}: GraphProps) {
  const [layout, setLayout] = useState<{ graph: GraphModel; layout: GraphLayout } | null>(null);
  const [layoutError, setLayoutError] = useState<string | null>(null);
  const [focused, setFocused] = useState<string | null>(null);
  const flow = useRef<ReactFlowInstance<FlowNode, RoutedFlowEdge> | null>(null);
  const container = useRef<HTMLElement | null>(null);
  const { model } = graph;

  useEffect(() => {
    let cancelled = false;
    setLayoutError(null);
    layoutProjectGraph(graph).then(
      (result) => {
        if (!cancelled) setLayout({ graph, layout: result });
      },
      (error: unknown) => {
        if (!cancelled) setLayoutError(error instanceof Error ? error.message : String(error));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [graph]);

  const current = layout !== null && layout.graph === graph ? layout.layout : null;
  const selectedId = selected === null ? null : `${selected.from}-${selected.to}`;

  // The node ids the search found: a project, or the collapsed group it is in.
  const matchedIds = useMemo(() => {
    const ids = new Set<string>();
    for (const node of graph.nodes) {
      if (node.kind === 'project' && matches.has(node.id)) ids.add(node.id);
      if (node.kind === 'group' && node.group.members.some((key) => matches.has(key))) ids.add(node.id);
    }
    return ids;
  }, [graph, matches]);

  // Nodes and edges are built once per layout; highlighting is CSS on the container (no React update per
  // element) and selection or focus rebuilds only the elements they change, so xyflow, which re-renders an
  // element only when its object changes, redraws a handful of them.
  const baseNodes = useMemo<FlowNode[]>(() => {
    if (current === null) return [];
    const groups = graph.groups
      .filter((group) => !group.collapsed)
      .map((group) => groupNode(group, current, onToggleGroup, false));
    const drawn = graph.nodes.map((node) =>
      node.kind === 'project'
        ? flowNode(node.project, current, false, false, matchedIds.has(node.id))
        : groupNode(node.group, current, onToggleGroup, matchedIds.has(node.id)),
    );
    return [...groups, ...drawn];
  }, [current, graph, onToggleGroup, matchedIds]);
  const nodes = useMemo(() => {
    if (focused === null || current === null) return baseNodes;
    return baseNodes.map((node) => {
      if (node.type !== 'project') return node;
      const project = (node as ProjectFlowNode).data.project;
      const near =
        project.key === focused ||
        model.edgeById.has(`${focused}-${project.key}`) ||
        model.edgeById.has(`${project.key}-${focused}`);
      return project.key === focused || !near
        ? flowNode(project, current, project.key === focused, !near, matchedIds.has(project.key))
        : node;
    });
  }, [baseNodes, current, model, focused, matchedIds]);

  const baseEdges = useMemo(
    () => (current === null ? [] : graph.edges.map((edge) => flowEdge(edge, current, DEFAULT_VARIANT))),
    [current, graph],
  );
  const edges = useMemo(() => {
    if (current === null) return baseEdges;
    return baseEdges.map((base, i) => {
      const graphEdge = graph.edges[i] as GraphEdge;
      const { edge } = graphEdge;
      const variant: EdgeVariant = {
        selected: !graphEdge.aggregated && edge.id === selectedId,
        critical: highlight === 'critical' && edge.onCriticalPath,
        unfocused: focused !== null && graphEdge.source !== focused && graphEdge.target !== focused,
      };
      return variant.selected || variant.critical || variant.unfocused
        ? flowEdge(graphEdge, current, variant)
        : base;
    });
  }, [baseEdges, current, graph, selectedId, highlight, focused]);

  // Jump to what the search found (once per search and layout).
  useEffect(() => {
    if (current === null || matchedIds.size === 0) return;
    const frame = requestAnimationFrame(() => {
      container.current?.scrollIntoView?.({ block: 'nearest' });
      flow.current?.fitView({ nodes: [...matchedIds].map((id) => ({ id })), padding: 0.4, maxZoom: 1.2 });
    });
    return () => cancelAnimationFrame(frame);
  }, [current, matchedIds]);

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
  const onInit = useCallback((instance: ReactFlowInstance<FlowNode, RoutedFlowEdge>) => {
    flow.current = instance;
  }, []);
  const minimapColour = useCallback((node: Node) => {
    const data = (node as FlowNode).data;
    return MINIMAP_FILL['project' in data ? data.project.rag : data.group.rag];
  }, []);

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
      ref={container}
      className={model.nodes.length > 24 ? 'pmo-deps-graph pmo-deps-graph--large' : 'pmo-deps-graph'}
      data-testid="dependencies-graph"
      data-highlight={highlight}
      data-grouped={graph.groups.length > 0 ? 'true' : 'false'}
      aria-label="Dependency graph of projects"
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        {...READ_ONLY_VIEW}
        onEdgeClick={onEdgeClick}
        onEdgesChange={onEdgesChange}
        onNodesChange={onNodesChange}
        onPaneClick={clearFocus}
        onInit={onInit}
      >
        <Background gap={24} size={1} />
        <Controls showInteractive={false} position="top-left" />
        <MiniMap pannable zoomable nodeColor={minimapColour} nodeStrokeWidth={0} position="bottom-right" />
      </ReactFlow>
    </section>
  );
}
