import { describe, expect, it } from 'vitest';
import { ledgerParamsFrom, ledgerQueryFrom } from './ledger-query.ts';

describe('the ledger query in the address', () => {
  it('reads filters back as they were written', () => {
    const query = ledgerQueryFrom(new URLSearchParams('status=in_progress,blocked&overdue=true&priority=urgent&q=海洋&sort=priority&order=desc&page=3'));
    expect(query).toMatchObject({
      status: ['in_progress', 'blocked'],
      overdue: true,
      priority: ['urgent'],
      q: '海洋',
      sort: 'priority',
      order: 'desc',
      page: 3,
    });
    expect(ledgerParamsFrom(query).toString()).toBe(new URLSearchParams('q=海洋&status=in_progress,blocked&priority=urgent&overdue=true&sort=priority&order=desc&page=3').toString());
  });

  it('drops values the server would refuse rather than sending them', () => {
    const query = ledgerQueryFrom(new URLSearchParams('status=finished,done&sort=colour&dueFrom=next-week&page=-2'));
    expect(query.status).toEqual(['done']);
    expect(query.sort).toBe('dueOn');
    expect(query.dueFrom).toBeUndefined();
    expect(query.page).toBe(1);
  });

  it('leaves defaults out of the address, so an unfiltered ledger has a clean one', () => {
    expect(ledgerParamsFrom(ledgerQueryFrom(new URLSearchParams())).toString()).toBe('');
  });
});
