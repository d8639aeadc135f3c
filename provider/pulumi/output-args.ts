import type * as pulumi from '@pulumi/pulumi';

/** The Output form's arguments: every member may be a `pulumi.Input`. */
export type OutputArgs<T> = { [K in keyof T]?: pulumi.Input<NonNullable<T[K]>> };

/** The scope of a project-scoped read, picked from a data source's args. */
export function projectScope(args: { region?: string; projectId?: string; projectName?: string; signal?: AbortSignal }) {
  return { region: args.region, projectId: args.projectId, projectName: args.projectName, signal: args.signal };
}
