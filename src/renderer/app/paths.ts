import type { EvidenceRef } from '../../shared/scoring-types';

// Every place in the app has an address, so the back key returns to it.

export const ACCOUNT_TABS = ['overview', 'service', 'installed-base', 'surveys', 'recommendations', 'checklist', 'alerts'] as const;
export type AccountTab = (typeof ACCOUNT_TABS)[number];

export const paths = {
  portfolio: '/',
  alerts: '/alerts',
  import: '/import',
  settings: '/settings',
  account: (id: string, tab: AccountTab = 'overview', focus?: string): string =>
    `/accounts/${encodeURIComponent(id)}${tab !== 'overview' || focus ? `/${tab}` : ''}${focus ? `/${encodeURIComponent(focus)}` : ''}`,
  review: (id: string): string => `/accounts/${encodeURIComponent(id)}/review`,
};

/** Where the record behind a number lives in the account view. */
export function refPath(accountId: string, ref: EvidenceRef | { type: string; id: string }): string {
  switch (ref.type) {
    case 'work_order':
      return paths.account(accountId, 'service', ref.id);
    case 'recommendation':
      return paths.account(accountId, 'recommendations', ref.id);
    case 'survey':
      return paths.account(accountId, 'surveys', ref.id);
    case 'asset':
    case 'site':
      return paths.account(accountId, 'installed-base', ref.id);
    case 'checklist_item':
      return paths.account(accountId, 'checklist', ref.id);
    default:
      return paths.account(accountId);
  }
}

export const REF_NOUN: Record<string, string> = {
  work_order: 'work order',
  recommendation: 'recommendation',
  survey: 'survey response',
  asset: 'machine',
  site: 'site',
  checklist_item: 'checklist item',
  account: 'account',
};
