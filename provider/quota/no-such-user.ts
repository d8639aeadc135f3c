/**
 * Why a per-user read (MetaStudio) has nothing for the one user it asked for: the service lists no such user (it
 * answers an unknown `user_id` with an empty list, not an error). `undefined` when no user was asked for, or it is there.
 */
export function noSuchUser(userId: string | undefined, result: { users: readonly { userId: string }[]; projectId?: string; region?: string }): string | undefined {
  if (userId === undefined || result.users.some((user) => user.userId === userId)) return undefined;
  return `no such user: the service lists no IAM user ${JSON.stringify(userId)} in project ${result.projectId}${result.region ? ` (${result.region})` : ''}; read without userId to list every user`;
}
