import * as pulumi from '@pulumi/pulumi';
import { HuaweiCloudError } from '../errors';

/**
 * Runs a guard step and turns this package's errors into `pulumi.RunError`, which fails the run with the message and
 * no stack trace (a plain error would print the stack; `pulumi.log.error` alone would not fail the run).
 */
export async function asRunError<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof HuaweiCloudError) throw new pulumi.RunError(`hwquota: ${error.kind}: ${error.message}`);
    throw error;
  }
}
