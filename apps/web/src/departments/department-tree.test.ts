import { describe, expect, it } from 'vitest';
import type { Department } from '@rexian/contracts';
import { buildDepartmentTree, subtreeIds } from './department-tree';

const dept = (id: number, parentId: number | null, name: string, sort = 0): Department => ({
  id, parentId, name, code: null, sort, userCount: 0,
});

const names = (nodes: ReturnType<typeof buildDepartmentTree>): unknown =>
  nodes.map((n) => (n.children.length ? [n.department.name, names(n.children)] : n.department.name));

describe('buildDepartmentTree', () => {
  it('nests departments under their parent, ordered by sort then name', () => {
    const tree = buildDepartmentTree([
      dept(3, 1, '二线', 2), dept(1, null, '客服中心'), dept(2, 1, '一线', 1), dept(4, 2, '早班组'), dept(5, null, '质检部'),
    ]);
    expect(names(tree)).toEqual([['客服中心', [['一线', ['早班组']], '二线']], '质检部']);
  });

  it('keeps a department whose parent is not in the list at the top level', () => {
    expect(names(buildDepartmentTree([dept(7, 99, '外包组')]))).toEqual(['外包组']);
  });

  it('finds a department and everything below it', () => {
    const tree = buildDepartmentTree([dept(1, null, 'A'), dept(2, 1, 'B'), dept(3, 2, 'C'), dept(4, null, 'D')]);
    expect([...subtreeIds(tree, 2)].sort()).toEqual([2, 3]);
  });
});
