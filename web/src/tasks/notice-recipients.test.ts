import { describe, expect, it } from 'vitest';
import { recipientChoices } from './notice-recipients.ts';

const sides = [
  { partyId: 'qd', partyName: '青岛市', lead: { organizationId: 'qd-kj', name: '青岛市科学技术局' }, co: [{ organizationId: 'qd-jy', name: '青岛市教育局' }] },
  { partyId: 'sz', partyName: '深圳市', lead: { organizationId: 'sz-kj', name: '深圳市科技创新局' }, co: [] },
];

describe('recipientChoices', () => {
  it("offers both sides' units on a joint task and defaults to the issuing side's lead unit", () => {
    const choices = recipientChoices({ joint: true, noticePartyId: 'sz', sides });
    expect(choices.issuingSide).toBe('sz');
    expect(choices.groups.map((g) => g.units.map((u) => u.organizationId))).toEqual([['qd-kj', 'qd-jy'], ['sz-kj']]);
    expect(choices.defaults).toEqual(['sz-kj']);
  });

  it('keeps a one-sided task to its own side and starts from the row the office chose', () => {
    const choices = recipientChoices({ joint: false, noticePartyId: 'qd', sides: sides.slice(0, 1) }, 'qd-jy');
    expect(choices.groups.map((g) => g.partyId)).toEqual(['qd']);
    expect(choices.defaults).toEqual(['qd-jy']);
    expect(recipientChoices({ joint: false, noticePartyId: 'qd', sides: sides.slice(0, 1) }, 'sz-kj').defaults).toEqual(['qd-kj']);
  });
});
