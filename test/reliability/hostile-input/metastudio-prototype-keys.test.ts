import fc from 'fast-check';
import { expect, it } from 'vitest';
import { HuaweiCloudError } from '../../../provider/client';
import { useFixedBodyService } from '../support/fixed-body-service';
import { prototypeSnapshot, expectPrototypesUntouched } from '../support/prototype-guard';
import { propertyRuns } from '../support/reliability-runs';
import { RESULT_SHAPES, shapeProblem } from '../support/result-shapes';
import { settle } from '../support/settle';

// Found by this suite: a MetaStudio quota key named like an Object.prototype member (`constructor`, `toString`,
// `valueOf`...) with no usage of its own read the inherited function as its usage (`headroom: NaN`). Now only own keys
// count: its usage is unknown (`used: null`).

const service = useFixedBodyService('metastudio', 'token');

const OBJECT_MEMBERS = Object.getOwnPropertyNames(Object.prototype).filter((name) => name !== '__proto__');

it('quota keys named like Object.prototype members give a valid resource, usage unknown when not reported', async () => {
  const prototypes = prototypeSnapshot();
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...OBJECT_MEMBERS), fc.integer({ min: 0, max: 100 }), fc.boolean(), async (key, quota, withUsage) => {
      service.answer(JSON.stringify({ count: 1, assets: [{ user_id: 'u1', quota: { [key]: quota }, usage: withUsage ? { [key]: 1 } : {} }] }));
      const outcome = await settle(() => service.client().metaStudioUserQuotas());
      if (!outcome.ok) expect(outcome.error).toBeInstanceOf(HuaweiCloudError);
      else expect(shapeProblem(RESULT_SHAPES.metastudio, outcome.value)).toBeUndefined();
      expectPrototypesUntouched(prototypes, key);
    }),
    propertyRuns(),
  );
});
