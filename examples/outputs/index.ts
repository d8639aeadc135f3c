import * as quotas from 'pulumi-huaweicloud-quotas';

/** `{type: headroom}`, with unlimited and unknown spelled out, for dashboards. */
function headroomByType(result: { resources: readonly quotas.QuotaResource[] }): Record<string, number | string> {
  return Object.fromEntries(result.resources.map((r) => [r.type, r.unlimited ? 'unlimited' : (r.headroom ?? 'unknown')]));
}

export = async () => ({
  account: quotas.getAccountQuotasOutput().apply(headroomByType),
  project: quotas.getProjectQuotasOutput().apply(headroomByType),
  kms: quotas.getKmsQuotasOutput().apply(headroomByType),
  sfsTurbo: quotas.getSfsTurboQuotasOutput().apply(headroomByType),
  metaStudio: quotas.getMetaStudioUserQuotasOutput().apply((result) => ({
    users: result.count,
    usersWithoutVideoMinutes: result.users.filter((user) => !quotas.hasHeadroom(user, 'video_time_2d_model', 1)).length,
  })),
});
