import fc from 'fast-check';
import { defaultState } from '../../../provider/emulator';
import { hostileKey, hostileString, hostileValue, wellFormedId } from './arbitraries';

/** The quota types each service reports (README), to make requirements that are valid more often than not. */
export const TYPES_BY_SERVICE: Record<string, readonly string[]> = {
  account: ['user', 'group', 'idp', 'agency', 'policy', 'assigment_group_mp', 'assigment_agency_mp', 'assigment_group_ep', 'assigment_user_ep', 'mapping'],
  project: ['project'],
  kms: ['CMK', 'grant_per_CMK'],
  'sfs-turbo': ['shares', 'capacity'],
  metastudio: ['modeling_count_2d_model', 'video_time_2d_model', 'voice_clone_basic'],
};

/** A MetaStudio user of the emulator's built-in state. */
export const METASTUDIO_USER = defaultState().accounts[0]!.metaStudioUsers[0]!.user_id;

/** Needs that break arithmetic: negative, NaN, infinite, past 2^53, the smallest double, a sum that is not exact. */
export const hostileNeed: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(-1, -0, Number.NaN, Infinity, -Infinity, 1e308, Number.MAX_SAFE_INTEGER + 2, 5e-324, 0.1 + 0.2),
  fc.double(),
  hostileValue,
);

/** A well-formed requirement: a service, one of its types, a need, and some of the optional scope fields. */
const sensibleRequirement: fc.Arbitrary<Record<string, unknown>> = fc.constantFrom(...Object.keys(TYPES_BY_SERVICE)).chain((service) =>
  fc.record(
    {
      service: fc.constant(service),
      type: fc.constantFrom(...TYPES_BY_SERVICE[service]!),
      need: fc.integer({ min: 0, max: 500 }),
      region: fc.constantFrom('cn-north-4', 'eu-west-101'),
      projectId: fc.oneof({ weight: 3, arbitrary: fc.constant('34bdce22bc00d4d4402427d1aa0ae49a') }, { weight: 1, arbitrary: wellFormedId }),
      projectName: fc.constantFrom('cn-north-4_dev', 'cn-north-4', 'eu-west-101', 'cn-north-4_absent'),
      domainId: fc.constant('b933a12c403702918e1c1f0c738433a3'),
      userId: fc.oneof({ weight: 3, arbitrary: fc.constant(METASTUDIO_USER) }, { weight: 1, arbitrary: wellFormedId }),
    },
    { requiredKeys: service === 'metastudio' ? ['service', 'type', 'need', 'userId'] : ['service', 'type', 'need'] },
  ),
);

/** One thing wrong with a requirement: a field with a hostile value, or a key it does not take (`__proto__` among them). */
const corruption = fc.record({
  index: fc.nat(),
  key: fc.oneof(fc.constantFrom('service', 'type', 'need', 'region', 'projectId', 'projectName', 'domainId', 'userId'), hostileKey),
  value: fc.oneof(hostileValue, hostileNeed),
});

/**
 * A list of requirements as a user, a file or a JavaScript caller might write it: well-formed about half the time,
 * otherwise with one corrupted field, a hostile entry, or not a list at all.
 */
export const hostileRequirements: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: fc.array(sensibleRequirement, { minLength: 1, maxLength: 3 }) },
  {
    weight: 4,
    arbitrary: fc.tuple(fc.array(sensibleRequirement, { minLength: 1, maxLength: 3 }), corruption).map(([list, { index, key, value }]) => {
      const copy = list.map((requirement) => ({ ...requirement }));
      // Defined, not assigned: `__proto__` becomes an own key, as JSON.parse or YAML would make it.
      Object.defineProperty(copy[index % copy.length], key, { value, enumerable: true, configurable: true, writable: true });
      return copy;
    }),
  },
  { weight: 1, arbitrary: fc.oneof(fc.array(hostileValue, { maxLength: 2 }), hostileValue, fc.jsonValue({ maxDepth: 3 }), hostileString) },
);
