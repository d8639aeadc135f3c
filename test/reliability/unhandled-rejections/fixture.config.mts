import { defineConfig } from 'vitest/config';
import base from '../../../vitest.config.mjs';

// The project's own test configuration (setup files, global setup, anything that could hide unhandled errors), run on
// the fixture alone.
export default defineConfig({ ...base, test: { ...base.test, include: ['test/reliability/unhandled-rejections/*.fixture.ts'] } });
