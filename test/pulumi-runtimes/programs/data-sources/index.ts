import * as pulumi from '@pulumi/pulumi';
import * as quotas from 'pulumi-huaweicloud-quotas';

/** A KMS key, by the Huawei Cloud provider's type token; the stand-in engine plays its provider. */
class KmsKey extends pulumi.CustomResource {
  constructor(name: string, args: { keyAlias: string }, opts?: pulumi.CustomResourceOptions) {
    super('huaweicloud:Dew/key:Key', name, args, opts);
  }
}

/** A component whose child is a key: depending on it is depending on the key. */
class KeySet extends pulumi.ComponentResource {
  constructor(name: string) {
    super('test:index:KeySet', name, {});
    new KmsKey(`${name}-1`, { keyAlias: `alias/${name}-1` }, { parent: this });
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
    default:
      throw new Error(`unknown case ${scenario}`);
  }
};
