/**
 * Versions, components and sprints of the simulated site, and which issues carry them. Derived from
 * the generated projects and issues with their own seeded stream, so adding them changes nothing
 * else the generator makes (and the same seed always gives the same data).
 */
import { ISSUE_TYPE } from './catalog';
import { Prng, subSeed } from './prng';
import type { SimIssue, SimProject } from './types';

export interface SimVersion {
  id: string;
  projectIdx: number;
  name: string;
  released: boolean;
  /** `YYYY-MM-DD`. */
  releaseDate: string;
}

export interface SimComponent {
  id: string;
  projectIdx: number;
  name: string;
}

export type SprintState = 'closed' | 'active' | 'future';

export interface SimSprint {
  id: number;
  projectIdx: number;
  name: string;
  state: SprintState;
}

export interface AgileData {
  versions: SimVersion[];
  components: SimComponent[];
  sprints: SimSprint[];
}

const COMPONENT_NAMES = ['Backend', 'Frontend', 'Data platform'] as const;
/** Released, released, unreleased, unreleased: an issue done goes into a released one. */
const VERSION_NAMES = ['1.0', '1.1', '2.0', '2.1'] as const;
const SPRINT_STATES: readonly SprintState[] = ['closed', 'closed', 'active', 'future'];

const DAY_MS = 86_400_000;
/** Issue types planned in sprints (epics, subtasks and RAID items are not). */
const BOARD_TYPES: ReadonlySet<string> = new Set([ISSUE_TYPE.story, ISSUE_TYPE.task, ISSUE_TYPE.bug]);

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Gives every project 3 components, 4 versions (2 released) and, for software projects, 4 sprints
 * (2 closed, 1 active, 1 future); sets `componentIds`, `fixVersionIds` and `sprintId` on the issues.
 * Done issues are fixed in a released version and sat in a closed sprint; open ones in an
 * unreleased version (or none) and in the active or future sprint (or the backlog). Only stories,
 * tasks and bugs are planned in sprints.
 */
export function addAgileData(
  seed: number,
  now: number,
  projects: readonly SimProject[],
  issues: SimIssue[],
  isDone: (issue: SimIssue) => boolean,
): AgileData {
  const rng = new Prng(subSeed(seed, 'agile'));
  const versions: SimVersion[] = [];
  const components: SimComponent[] = [];
  const sprints: SimSprint[] = [];
  projects.forEach((project, projectIdx) => {
    COMPONENT_NAMES.forEach((name, n) => {
      components.push({ id: String(10000 + projectIdx * 10 + n), projectIdx, name });
    });
    VERSION_NAMES.forEach((name, n) => {
      versions.push({
        id: String(10000 + projectIdx * 10 + n),
        projectIdx,
        name: `${project.key} ${name}`,
        released: n < 2,
        releaseDate: isoDay(now + (n - 2) * 45 * DAY_MS),
      });
    });
    if (project.typeKey !== 'software') return;
    SPRINT_STATES.forEach((state, n) => {
      sprints.push({
        id: 1000 + projectIdx * 10 + n,
        projectIdx,
        name: `${project.key} Sprint ${n + 1}`,
        state,
      });
    });
  });

  const byProject = <T extends { projectIdx: number }>(items: readonly T[]) => {
    const groups = projects.map((): T[] => []);
    for (const item of items) groups[item.projectIdx]?.push(item);
    return groups;
  };
  const componentsOf = byProject(components);
  const versionsOf = byProject(versions);
  const sprintsOf = byProject(sprints);
  for (const issue of issues) {
    const projectComponents = componentsOf[issue.projectIdx] ?? [];
    const projectVersions = versionsOf[issue.projectIdx] ?? [];
    const projectSprints = sprintsOf[issue.projectIdx] ?? [];
    const done = isDone(issue);
    const componentCount = rng.int(0, 2);
    issue.componentIds = rng.sample(projectComponents, componentCount).map((c) => c.id);
    const candidates = projectVersions.filter((v) => v.released === done);
    issue.fixVersionIds = done || rng.chance(0.7) ? [rng.pick(candidates).id] : [];
    const onBoard = BOARD_TYPES.has(issue.typeId);
    const sprintStates: readonly SprintState[] = done
      ? ['closed']
      : rng.chance(0.3)
        ? []
        : ['active', 'future'];
    const sprintChoices = projectSprints.filter((s) => sprintStates.includes(s.state));
    issue.sprintId = onBoard && sprintChoices.length > 0 ? rng.pick(sprintChoices).id : null;
  }
  return { versions, components, sprints };
}
