'use strict';
const { spawn } = require('node:child_process');
const { existsSync } = require('node:fs');
const { createServer } = require('node:net');
const { dirname, join } = require('node:path');
const { performance } = require('node:perf_hooks');
const { median } = require('../lib/stats');
const { verdict } = require('../lib/verdict');

const ROOT = join(__dirname, '..', '..');
/** The plugin's executable as package.json's `bin` names it, and the peer: a bare `@pulumi/pulumi/provider` server. */
const PLUGIN = join(ROOT, 'dist', 'plugin', 'pulumi-resource-huaweicloud-quotas.js');
const PEER = join(__dirname, '..', 'children', 'bare-provider.js');
/** The plugin's start may take this much longer than the bare server's. */
const TARGET_RATIO = 1.2;

/**
 * The gRPC client side, loaded once in the runner before any timing: the stubs of `@pulumi/pulumi/proto`, with the
 * copy of `@grpc/grpc-js` they are built with.
 */
function loadClient() {
  const stubs = require.resolve('@pulumi/pulumi/proto/provider_grpc_pb');
  const fromStubs = (name) => require(require.resolve(name, { paths: [dirname(stubs)] }));
  return {
    grpc: fromStubs('@grpc/grpc-js'),
    services: require(stubs),
    messages: require('@pulumi/pulumi/proto/provider_pb'),
    struct: fromStubs('google-protobuf/google/protobuf/struct_pb'),
  };
}

/** An address where no engine listens: a plugin is given one, as the engine gives its own. */
async function unusedAddress() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return `127.0.0.1:${port}`;
}

function mask(text, secrets) {
  let masked = text;
  for (const secret of secrets) if (secret) masked = masked.split(secret).join('******');
  return masked;
}

/**
 * One start, timed as the engine would see it: spawn `node <script> <engine address>`, read the port from the first
 * line of stdout, then Configure and one Invoke over gRPC (what the engine sends before a program's first invoke
 * returns). Resolves with the milliseconds to the port and to the Invoke's answer; the process is then killed.
 */
function timeStart(client, script, { env, token, args, secrets = [] }) {
  return unusedAddress().then((engine) => new Promise((resolve, reject) => {
    const started = performance.now();
    // stderr is kept only to explain a failure, with every secret masked.
    const child = spawn(process.execPath, [script, engine], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let settled = false;
    const finish = (error, figures) => {
      if (settled) return;
      settled = true;
      child.kill('SIGKILL');
      child.once('close', () => (error ? reject(error) : resolve(figures)));
    };
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', (error) => finish(error));
    child.on('exit', (code) => finish(new Error(`${script} exited (${code}) before answering:\n${mask(stderr, secrets).split('\n').slice(-10).join('\n')}`)));
    const onData = (chunk) => {
      stdout += chunk;
      const match = /^(\d+)\s*$/m.exec(stdout);
      if (!match) return;
      child.stdout.off('data', onData);
      const portMs = performance.now() - started;
      const provider = new client.services.ResourceProviderClient(`127.0.0.1:${match[1]}`, client.grpc.credentials.createInsecure());
      const configure = new client.messages.ConfigureRequest();
      configure.setAcceptsecrets(true);
      configure.setAcceptresources(true);
      provider.configure(configure, (configureError) => {
        if (configureError) return provider.close(), finish(configureError);
        const invoke = new client.messages.InvokeRequest();
        invoke.setTok(token);
        invoke.setArgs(client.struct.Struct.fromJavaScript(args));
        provider.invoke(invoke, (invokeError, response) => {
          const firstInvokeMs = performance.now() - started;
          provider.close();
          if (invokeError) return finish(new Error(`${token}: ${invokeError.details}`));
          const failures = response.getFailuresList().map((failure) => `${failure.getProperty()}: ${failure.getReason()}`);
          if (failures.length > 0) return finish(new Error(`${token}: ${failures.join('; ')}`));
          finish(undefined, { portMs, firstInvokeMs, result: response.getReturn().toJavaScript() });
        });
      });
    };
    child.stdout.on('data', onData);
  }));
}

/**
 * Scenario 8. The provider plugin's start as the engine sees it, beside a bare `@pulumi/pulumi/provider` server's:
 * spawn → port printed, and spawn → first Invoke answered (after Configure). This package's Invoke is a real read,
 * `getAccountQuotas` against the plain emulator (one signed IAM request); the peer's returns a constant. Runs alternate.
 */
async function pluginStart(options, { env, secrets, progress }) {
  if (!existsSync(PLUGIN)) throw new Error(`plugin start: ${PLUGIN} is missing; run \`npm run build\` (provider/plugin/ builds into dist/plugin/)`);
  const client = loadClient();
  const pluginEnv = { ...env, HWQUOTA_METADATA_URL: 'off', HUAWEICLOUD_SDK_CREDENTIALS_FILE: '/nonexistent/hwquota-bench/credentials' };
  const ours = { env: pluginEnv, secrets, token: 'huaweicloud-quotas:index:getAccountQuotas', args: { region: 'cn-north-4' } };
  const peer = { env: pluginEnv, secrets, token: 'bare:index:getNothing', args: {} };
  // One start of each, untimed, so that the first timed runs do not pay for a cold file cache.
  const warm = await timeStart(client, PLUGIN, ours);
  if (!Array.isArray(warm.result.resources) || warm.result.resources.length === 0) throw new Error('plugin start: getAccountQuotas answered no quotas');
  await timeStart(client, PEER, peer);
  const runs = { ours: [], peer: [] };
  for (let iteration = 1; iteration <= options.pluginStartIterations; iteration++) {
    progress(`plugin start ${iteration}/${options.pluginStartIterations}`);
    runs.ours.push(await timeStart(client, PLUGIN, ours));
    runs.peer.push(await timeStart(client, PEER, peer));
  }
  const m = (name, key) => median(runs[name].map((run) => run[key]));
  const figures = {
    oursPortMs: m('ours', 'portMs'), peerPortMs: m('peer', 'portMs'),
    oursFirstInvokeMs: m('ours', 'firstInvokeMs'), peerFirstInvokeMs: m('peer', 'firstInvokeMs'),
  };
  const firstRatio = figures.oursFirstInvokeMs / figures.peerFirstInvokeMs;
  return {
    figures,
    rows: [
      {
        id: 'plugin-start-first-invoke', scenario: '8 plugin start: spawn → first Invoke answered', unit: 'ms',
        ours: figures.oursFirstInvokeMs, official: figures.peerFirstInvokeMs, ratio: firstRatio, target: `≤ ${TARGET_RATIO}`,
        result: verdict(options, { pass: firstRatio <= TARGET_RATIO }),
      },
      {
        id: 'plugin-start-port', scenario: '8 plugin start: spawn → port printed', unit: 'ms',
        ours: figures.oursPortMs, official: figures.peerPortMs, ratio: figures.oursPortMs / figures.peerPortMs, target: 'reported',
        result: verdict(options, {}),
      },
    ],
  };
}

module.exports = { pluginStart };
