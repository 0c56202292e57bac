import type { Me } from '../api/types.ts';

/** The address of the page the server's policy starts the user at (which page a role starts at is its decision). */
export function landingPath(me: Me): string {
  switch (me.landing.page) {
    case 'dashboard':
      return `/cooperations/${me.landing.cooperationId}/dashboard`;
    case 'overview':
      return '/overview';
    case 'my-work':
      return '/my-work';
    case 'cooperations':
      return '/cooperations';
  }
}
