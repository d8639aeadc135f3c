import type * as pulumi from '@pulumi/pulumi';

/** The Output form's arguments: every member may be a `pulumi.Input`. */
export type OutputArgs<T> = { [K in keyof T]?: pulumi.Input<NonNullable<T[K]>> };
