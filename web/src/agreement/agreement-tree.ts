import type { AgreementListItem } from '../api/types.ts';

export interface AgreementTreeRow extends AgreementListItem {
  children?: AgreementTreeRow[];
}

const KIND_ORDER: Record<AgreementListItem['kind'], number> = {
  framework: 0,
  departmental: 1,
  district: 2,
  park: 3,
  enterprise: 4,
  other: 5,
};

function byKindThenDate(a: AgreementListItem, b: AgreementListItem): number {
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.signedOn ?? '').localeCompare(b.signedOn ?? '') || a.title.localeCompare(b.title, 'zh-CN');
}

/**
 * Nests the flat agreement list as "1+N": each framework agreement with the agreements signed under it.
 * An agreement whose parent is not in the list (not visible to this user) stays at the top level.
 */
export function agreementTree(items: AgreementListItem[]): AgreementTreeRow[] {
  const ids = new Set(items.map((item) => item.id));
  const childrenOf = new Map<string, AgreementListItem[]>();
  const roots: AgreementListItem[] = [];
  for (const item of items) {
    if (item.parentId && ids.has(item.parentId)) {
      const siblings = childrenOf.get(item.parentId) ?? [];
      siblings.push(item);
      childrenOf.set(item.parentId, siblings);
    } else {
      roots.push(item);
    }
  }
  const build = (item: AgreementListItem): AgreementTreeRow => {
    const children = (childrenOf.get(item.id) ?? []).sort(byKindThenDate).map(build);
    // antd's Table shows an expander for any row with a `children` array, so leaves must not have one.
    return children.length > 0 ? { ...item, children } : { ...item };
  };
  return roots.sort(byKindThenDate).map(build);
}
