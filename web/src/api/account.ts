import { request } from './client.ts';

/** Calls of the account page; src/modules/auth and src/modules/api-token are the source of truth. */

export type ApiTokenScope = 'read' | 'write';

export interface ApiToken {
  id: string;
  cooperationId: string;
  name: string;
  scope: ApiTokenScope;
  username: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The secret is in this answer only; the server keeps a hash. */
export interface IssuedApiToken extends ApiToken {
  token: string;
}

const tokensPath = (cooperationId: string) => `/cooperations/${encodeURIComponent(cooperationId)}/api-tokens`;

export const accountApi = {
  updateProfile: (version: number, patch: { email?: string | null }) => request<unknown>('PATCH', '/me', { version, ...patch }),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<{ sessionsEnded: number }>('POST', '/me/password', { currentPassword, newPassword }),
  logoutEverywhere: () => request<{ ended: number; tokensRevoked: number }>('POST', '/auth/logout-everywhere'),
  tokens: (cooperationId: string) => request<{ items: ApiToken[] }>('GET', tokensPath(cooperationId)),
  issueToken: (cooperationId: string, name: string, scope: ApiTokenScope) => request<IssuedApiToken>('POST', tokensPath(cooperationId), { name, scope }),
  revokeToken: (cooperationId: string, tokenId: string) => request<unknown>('DELETE', `${tokensPath(cooperationId)}/${encodeURIComponent(tokenId)}`),
};
