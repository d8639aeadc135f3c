import * as pulumi from '@pulumi/pulumi';
import * as state from '@pulumi/pulumi/runtime/state';

/**
 * `pulumi.runtime.setMocks`, with the mock monitor behind a plain object, as an engine's monitor is: resources register
 * with the mocks and invokes reach `mocks.call`, but the monitor is not Pulumi's `MockMonitor`, so the data sources
 * take their direct read, as under a real engine (they go to the monitor only under `setMocks` itself). For tests of
 * the direct read that need resources registered.
 */
export async function setEngineLikeMocks(mocks: pulumi.runtime.Mocks, project: string, stack: string, preview: boolean): Promise<void> {
  await pulumi.runtime.setMocks(mocks, project, stack, preview);
  const store = (state as unknown as { getStore(): { settings: { monitor: Record<string, unknown> } } }).getStore();
  const mockMonitor = store.settings.monitor;
  const monitor: Record<string, unknown> = {};
  for (const name of Object.getOwnPropertyNames(Object.getPrototypeOf(mockMonitor))) {
    const member = mockMonitor[name];
    if (name !== 'constructor' && typeof member === 'function') monitor[name] = (member as (...args: unknown[]) => unknown).bind(mockMonitor);
  }
  store.settings.monitor = monitor;
}
