#!/usr/bin/env node
'use strict';
// The peer of scenario 8: a bare provider plugin written with `@pulumi/pulumi/provider`'s `main()`, as a package with
// Pulumi's stock Node provider server would ship it, with one trivial function. Started as the engine starts a plugin
// (`node bare-provider.js <engine address>`), it prints its port on stdout; the runner times spawn → first Invoke answered.
const { main } = require('@pulumi/pulumi/provider');

const provider = {
  version: '0.0.1',
  async invoke(token) {
    return { outputs: { token, resources: [] } };
  },
};

main(provider, process.argv.slice(2)).catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : String(error)}\n`);
  process.exit(1);
});
