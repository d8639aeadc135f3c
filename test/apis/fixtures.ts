import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiFixture } from './fixtures/api-fixture';

/** Every fixture of `test/apis/fixtures/`, by the API name it is for. */
export async function loadFixtures(): Promise<Map<string, ApiFixture>> {
  const directory = join(__dirname, 'fixtures');
  const files = readdirSync(directory).filter((file) => file.endsWith('.ts') && file !== 'api-fixture.ts');
  const fixtures = await Promise.all(files.map(async (file) => ((await import(join(directory, file))) as { fixture: ApiFixture }).fixture));
  return new Map(fixtures.map((fixture) => [fixture.name, fixture]));
}

/** A read's quotas, per user flattened (MetaStudio). */
export function resourcesOf(result: unknown): { type: string; [key: string]: unknown }[] {
  const { resources, users } = result as { resources?: []; users?: { resources: [] }[] };
  return resources ?? (users ?? []).flatMap((user) => user.resources);
}
