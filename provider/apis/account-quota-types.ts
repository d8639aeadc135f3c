// Apart from the account API's definition, so that `/client` can export the list without loading the definition.

/** The account quota types, spelled as the IAM API spells them (`assigment_*` included). */
export const ACCOUNT_QUOTA_TYPES = [
  'user', 'group', 'idp', 'agency', 'policy',
  'assigment_group_mp', 'assigment_agency_mp', 'assigment_group_ep', 'assigment_user_ep', 'mapping',
] as const;

/** One of {@link ACCOUNT_QUOTA_TYPES}. */
export type AccountQuotaType = (typeof ACCOUNT_QUOTA_TYPES)[number];
