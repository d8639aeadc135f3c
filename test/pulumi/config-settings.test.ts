import { describe, expect, it } from 'vitest';
import { settingsFromConfig } from '../../provider/config-settings';
import { HuaweiCloudError } from '../../provider/errors';
import { SERVICE_NAMES } from '../../provider/endpoints/service-names';

const configOf = (values: Record<string, string>) => (key: string) => values[key];

describe('settings from stack config', () => {
  it('reads its own namespace first, then the Huawei Cloud provider keys of the same names', () => {
    const settings = settingsFromConfig(configOf({ 'huaweicloud-quotas:region': 'eu-west-101', 'huaweicloud:region': 'cn-north-4', 'huaweicloud:accessKey': 'AK', 'huaweicloud:secretKey': 'SK' }));
    expect(settings).toEqual({ region: 'eu-west-101', accessKey: 'AK', secretKey: 'SK', credentialsOrigin: 'stack config huaweicloud:accessKey and huaweicloud:secretKey' });
  });

  it("takes an IAM token from its own authToken, else from the provider's token", () => {
    expect(settingsFromConfig(configOf({ 'huaweicloud:token': 'provider-token' }))).toEqual({ authToken: 'provider-token', credentialsOrigin: 'stack config huaweicloud:token' });
    expect(settingsFromConfig(configOf({ 'huaweicloud-quotas:authToken': 'own-token', 'huaweicloud:token': 'provider-token' }))).toEqual({ authToken: 'own-token', credentialsOrigin: 'stack config huaweicloud-quotas:authToken' });
  });

  it("keeps the endpoints of this package's services from the provider's wider map", () => {
    const endpoints = JSON.stringify({ kms: 'https://kms.example', rds: 'https://rds.example' });
    expect(settingsFromConfig(configOf({ 'huaweicloud:endpoints': endpoints }))).toEqual({ endpoints: { kms: 'https://kms.example' } });
  });

  it.each(['{kms: nope', '[]', '"https://kms.example"', '{"kms": 1}'])('refuses endpoints %s with an invalid-argument error naming the key', (text) => {
    const read = () => settingsFromConfig(configOf({ 'huaweicloud-quotas:endpoints': text }));
    expect(read).toThrow(HuaweiCloudError);
    expect(read).toThrow(new RegExp(`^endpoints: stack config must be a JSON object of service name to URL.*services: ${SERVICE_NAMES.join(', ')}$`));
  });
});
