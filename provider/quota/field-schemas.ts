import { z } from 'zod';
import { REGION_PATTERN } from '../endpoints/region';
import { PATH_PARAMETER_PATTERN, PATH_PARAMETER_RULE, PROJECT_NAME_PATTERN } from '../path-parameters';

/** Field checks shared by read arguments, requirements and policy config, so they accept and word the same. */
export const RegionId = z.string().regex(REGION_PATTERN, 'must be a Huawei Cloud region ID such as cn-north-4 or eu-west-101');

/** An ID that goes into a URL path or query: project, domain, user. */
export const ResourceId = z.string().regex(PATH_PARAMETER_PATTERN, PATH_PARAMETER_RULE);

/** A project's name, to look its ID up: a region's own project (`cn-north-4`) or a sub-project (`cn-north-4_dev`). */
export const ProjectName = z.string().regex(PROJECT_NAME_PATTERN, 'must be a project name such as cn-north-4 or cn-north-4_dev');
