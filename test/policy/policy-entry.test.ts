import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');

describe('the built ./policy entry', () => {
  it('loads without @pulumi/policy or @pulumi/pulumi, and makes the policies without starting a server', () => {
    const output = execFileSync(process.execPath, ['-e', `
      const policy = require('pulumi-huaweicloud-quotas/policy');
      const made = policy.quotaPolicies();
      console.log(JSON.stringify({
        exports: Object.keys(policy).sort(),
        policies: made.policies.map((p) => [p.name, p.enforcementLevel, typeof p.validateResource]),
        pulumiLoaded: Object.keys(require.cache).some((path) => path.includes('@pulumi')),
      }));
      made.close();
    `], { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH }, timeout: 20_000 });
    expect(JSON.parse(output)).toEqual({
      exports: ['DEFAULT_QUOTA_RULES', 'QUOTA_POLICY_CONFIG_SCHEMA', 'QUOTA_POLICY_NAMES', 'RULE_SERVICES', 'quotaPolicies'],
      policies: [['huaweicloud-quota-fits', 'mandatory', 'function'], ['huaweicloud-quota-headroom', 'advisory', 'function']],
      pulumiLoaded: false,
    });
  });
});
