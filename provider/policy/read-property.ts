/** A resource property as a policy sees it: a value (maybe `undefined`: not set), or not known yet. */
export type PropertyValue = { readonly known: true; readonly value: unknown } | { readonly known: false };

/**
 * Reads one property of a resource's (or its provider's) properties. During a preview, @pulumi/policy hands policies
 * a proxy that throws its `UnknownValueError` when a value that is not known yet is read; that error is recognised by
 * its shape rather than its class, so that this module does not load the optional @pulumi/policy at run time (and a
 * pack that resolves its own copy of @pulumi/policy is still understood).
 */
export function readProperty(props: Readonly<Record<string, unknown>> | undefined, name: string): PropertyValue {
  try {
    return { known: true, value: props?.[name] };
  } catch (error) {
    if (isUnknownValueError(error)) return { known: false };
    throw error;
  }
}

function isUnknownValueError(error: unknown): boolean {
  return error instanceof Error && 'unknownTypeSentinel' in error && Array.isArray((error as { props?: unknown }).props);
}
