import * as pulumi from '@pulumi/pulumi';
import * as quotas from 'pulumi-huaweicloud-quotas';

/** A KMS key, by the Huawei Cloud provider's type token; the stand-in engine plays its provider. */
class KmsKey extends pulumi.CustomResource {
  constructor(name: string, args: { keyAlias: string }, opts?: pulumi.CustomResourceOptions) {
    super('huaweicloud:Dew/key:Key', name, args, opts);
  }
}

/** A component whose children are keys: depending on it is depending on the keys. */
class KeySet extends pulumi.ComponentResource {
  constructor(name: string, count = 1) {
    super('test:index:KeySet', name, {});
    for (let index = 1; index <= count; index++) new KmsKey(`${name}-${index}`, { keyAlias: `alias/${name}-${index}` }, { parent: this });
    this.registerOutputs({});
  }
}

const scenario = new pulumi.Config().require('case');

export = async () => {
  switch (scenario) {
    case 'promise':
      // With stack config's bad secret key: the service refuses the signature.
      return { kms: await quotas.getKmsQuotas() };
    case 'output':
      return { kms: quotas.getKmsQuotasOutput({ region: pulumi.output('cn-north-4') }) };
    case 'version':
      return { kms: quotas.getKmsQuotasOutput({}, { version: '1.0.0' }) };
    case 'depends-on': {
      // Unknown in preview (the component's key is being created), known in the update, as invokeOutput gives it.
      const keys = new KeySet('keys');
      return { region: quotas.getKmsQuotasOutput({}, { dependsOn: [keys] }).region };
    }
    case 'keys': {
      // A stack's life: `keys` keys, and the KMS usage read once they exist.
      const keys = new KeySet('keys', new pulumi.Config().requireNumber('keys'));
      return { cmkUsed: quotas.getKmsQuotasOutput({}, { dependsOn: [keys] }).apply((kms) => kms.resources.find((quota) => quota.type === 'CMK')?.used) };
    }
    default:
      throw new Error(`unknown case ${scenario}`);
  }
};
