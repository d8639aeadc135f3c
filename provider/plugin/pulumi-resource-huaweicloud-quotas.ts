#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPluginSchema } from './plugin-schema';
import { serveProvider } from './serve-provider';

// The provider plugin `huaweicloud-quotas`, as the engine starts it: `pulumi-resource-huaweicloud-quotas <engine>`.
// It serves the ResourceProvider gRPC service and prints its port, alone on the first line of stdout.

/** The settings the engine gives a plugin in `PULUMI_CONFIG` (its namespace's config, JSON); none when unreadable. */
function configFromEnvironment(): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(process.env.PULUMI_CONFIG ?? '{}');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

async function main(): Promise<void> {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
  const served = await serveProvider({
    version: manifest.version,
    schema: () => JSON.stringify(buildPluginSchema(manifest.version)),
    initialConfig: configFromEnvironment(),
  });
  // As a string, so that Node does not colour it; the engine reads this line to connect.
  process.stdout.write(`${served.port}\n`);
}

// Only the message: a stack or an inspected error could carry a setting's value.
const fail = (error: unknown) => {
  process.stderr.write(`pulumi-resource-huaweicloud-quotas: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
};
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);
main().catch(fail);
