import type { Department } from '@rexian/contracts';

export interface DepartmentNode {
  department: Department;
  children: DepartmentNode[];
}

function bySortThenName(a: DepartmentNode, b: DepartmentNode): number {
  return a.department.sort - b.department.sort || a.department.name.localeCompare(b.department.name, 'zh-CN');
}

/**
 * The tree of a flat department list, built from `parentId`. A department whose parent is missing
 * from the list (outside the user's data scope) is shown at the top level rather than lost.
 */
export function buildDepartmentTree(departments: readonly Department[]): DepartmentNode[] {
  const nodes = new Map<number, DepartmentNode>();
  for (const department of departments) nodes.set(department.id, { department, children: [] });
  const roots: DepartmentNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.department.parentId === null ? undefined : nodes.get(node.department.parentId);
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: DepartmentNode[]) => {
    list.sort(bySortThenName);
    for (const node of list) sort(node.children);
  };
  sort(roots);
  return roots;
}

/** The ids of `id` and every department below it (a department cannot move under these). */
export function subtreeIds(roots: readonly DepartmentNode[], id: number): Set<number> {
  const ids = new Set<number>();
  const collect = (node: DepartmentNode) => {
    ids.add(node.department.id);
    node.children.forEach(collect);
  };
  const find = (list: readonly DepartmentNode[]): void => {
    for (const node of list) {
      if (node.department.id === id) collect(node);
      else find(node.children);
    }
  };
  find(roots);
  return ids;
}

export interface DepartmentOption {
  value: number;
  title: string;
  disabled?: boolean;
  children: DepartmentOption[];
}

/** Tree data for a TreeSelect of departments, with `disabledIds` not selectable. */
export function departmentOptions(roots: readonly DepartmentNode[], disabledIds?: Set<number>): DepartmentOption[] {
  return roots.map((node) => ({
    value: node.department.id,
    title: node.department.name,
    disabled: disabledIds?.has(node.department.id),
    children: departmentOptions(node.children, disabledIds),
  }));
}
