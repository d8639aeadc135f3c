'use strict';
const { Buffer } = require('node:buffer');
const { spawn } = require('node:child_process');
const { join } = require('node:path');
const { performance } = require('node:perf_hooks');

const CHILDREN = join(__dirname, '..', 'children');

/**
 * Runs `bench/children/<script>` in a fresh Node process and resolves to its whole-process wall time and the result it
 * wrote to fd 3. Its stdout is discarded unread: the official SDK prints failed requests there, Authorization header
 * included. Its stderr is kept only to explain a failure, with every secret given in `secrets` masked.
 */
function runChild(script, args, { env, secrets = [] }) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let wallMs;
    const child = spawn(process.execPath, [join(CHILDREN, script), ...args], {
      // A hermetic environment: no proxy, NODE_OPTIONS or credentials from the caller's shell.
      env: { PATH: process.env.PATH, ...env },
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    const output = { result: [], stderr: [] };
    child.stdio[3].on('data', (chunk) => output.result.push(chunk));
    child.stderr.on('data', (chunk) => output.stderr.push(chunk));
    child.on('exit', () => {
      wallMs = performance.now() - started;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const text = Buffer.concat(output.result).toString('utf8');
      if (code === 0 && text) return resolve({ wallMs, result: JSON.parse(text) });
      const stderr = mask(Buffer.concat(output.stderr).toString('utf8'), secrets).split('\n').slice(-15).join('\n');
      reject(new Error(`bench/children/${script} ${args.join(' ')} exited with ${code}:\n${stderr}`));
    });
  });
}

function mask(text, secrets) {
  let masked = text.replace(/(Authorization["']?\s*[:=]\s*["']?)[^\n"',]*/gi, '$1******');
  for (const secret of secrets) if (secret) masked = masked.split(secret).join('******');
  return masked;
}

module.exports = { runChild };
