import { describe, expect, it } from 'vitest';
import type { AgreementListItem } from '../api/types.ts';
import { agreementTree } from './agreement-tree.ts';

function agreement(id: string, kind: AgreementListItem['kind'], parentId: string | null, signedOn = '2024-11-26'): AgreementListItem {
  return { id, parentId, kind, title: id, signedOn, place: null, signatories: [], visibility: 'parties', ownerPartyId: null, currentTextVersion: 1, version: 1, clauseCount: 0, can: { edit: false } };
}

describe('agreementTree', () => {
  it('puts the departmental, district and park agreements under their framework agreement', () => {
    const tree = agreementTree([
      agreement('park', 'park', 'frame'),
      agreement('frame', 'framework', null),
      agreement('dept', 'departmental', 'frame'),
      agreement('district', 'district', 'frame'),
    ]);
    expect(tree.map((row) => row.id)).toEqual(['frame']);
    expect(tree[0]?.children?.map((row) => row.id)).toEqual(['dept', 'district', 'park']);
  });

  it('gives leaves no children array, so no expander is drawn for them', () => {
    const [leaf] = agreementTree([agreement('alone', 'framework', null)]);
    expect(leaf).not.toHaveProperty('children');
  });

  it('keeps an agreement whose parent is not visible at the top level', () => {
    const tree = agreementTree([agreement('orphan', 'departmental', 'hidden-frame')]);
    expect(tree.map((row) => row.id)).toEqual(['orphan']);
  });

  it('orders siblings of one kind by signing date', () => {
    const tree = agreementTree([
      agreement('frame', 'framework', null),
      agreement('later', 'departmental', 'frame', '2025-03-01'),
      agreement('earlier', 'departmental', 'frame', '2024-12-01'),
    ]);
    expect(tree[0]?.children?.map((row) => row.id)).toEqual(['earlier', 'later']);
  });
});
