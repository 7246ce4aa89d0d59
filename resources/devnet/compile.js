#!/usr/bin/env node
// Compiles contracts/**/*.sol with the pinned solc-js into artifacts/<Contract>.json.
//   node compile.js           write artifacts (deterministic: sorted keys, 2-space JSON)
//   node compile.js --check   exit 1 if the committed artifacts differ from a fresh compile
// Each artifact: {abi, bytecode, contractName, deployedBytecode, sourceHash}; sourceHash is the
// sha256 over compiler version, settings and every source (path + content), identical in all artifacts.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');

const here = __dirname;
const contractsDir = path.join(here, 'contracts');
const artifactsDir = path.join(here, 'artifacts');

let solc;
try {
  solc = require(path.join(here, 'node_modules', 'solc'));
} catch (e) {
  console.error('compile.js: solc-js is missing; run `bash resources/devnet/ensure-tools.sh` first');
  process.exit(3);
}

const SETTINGS = {
  evmVersion: 'cancun',
  metadata: { appendCBOR: false, bytecodeHash: 'none' },
  optimizer: { enabled: true, runs: 200 },
  outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
  viaIR: false,
};

function listSources(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listSources(full));
    else if (entry.name.endsWith('.sol')) out.push(full);
  }
  return out;
}

function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys(value[key]);
    return out;
  }
  return value;
}

const stableJson = (value) => JSON.stringify(sortKeys(value), null, 2) + '\n';

/** names of contracts that can be deployed (not interfaces, abstract contracts or libraries) */
function deployableNames(source) {
  const names = new Set();
  const re = /^\s*(abstract\s+contract|contract|library|interface)\s+([A-Za-z_][A-Za-z0-9_]*)/gm;
  let m;
  while ((m = re.exec(source)) !== null) {
    if (m[1] === 'contract') names.add(m[2]);
  }
  return names;
}

function compile() {
  const files = listSources(contractsDir)
    .map((f) => path.relative(here, f).split(path.sep).join('/'))
    .sort();
  const sources = {};
  for (const rel of files) sources[rel] = { content: fs.readFileSync(path.join(here, rel), 'utf8') };

  const input = { language: 'Solidity', sources, settings: SETTINGS };
  const output = JSON.parse(solc.compile(JSON.stringify(input)));
  const errors = (output.errors || []).filter((e) => e.severity === 'error');
  for (const w of (output.errors || []).filter((e) => e.severity !== 'error')) {
    console.error(w.formattedMessage.trim());
  }
  if (errors.length) {
    for (const e of errors) console.error(e.formattedMessage.trim());
    throw new Error(`solc reported ${errors.length} error(s)`);
  }

  const hash = crypto.createHash('sha256');
  hash.update(`solc ${solc.version()}\n`);
  hash.update(stableJson(SETTINGS));
  for (const rel of files) {
    hash.update(`${rel}\n`);
    hash.update(sources[rel].content);
    hash.update('\n');
  }
  const sourceHash = hash.digest('hex');

  const artifacts = new Map();
  for (const rel of files) {
    const wanted = deployableNames(sources[rel].content);
    for (const [name, c] of Object.entries(output.contracts[rel] || {})) {
      if (!wanted.has(name)) continue;
      if (artifacts.has(name)) throw new Error(`contract name ${name} is used twice`);
      artifacts.set(
        name,
        stableJson({
          abi: c.abi,
          bytecode: '0x' + c.evm.bytecode.object,
          contractName: name,
          deployedBytecode: '0x' + c.evm.deployedBytecode.object,
          sourceHash,
        })
      );
    }
  }
  return artifacts;
}

function main() {
  const check = process.argv.includes('--check');
  const artifacts = compile();
  const existing = fs.existsSync(artifactsDir)
    ? fs.readdirSync(artifactsDir).filter((f) => f.endsWith('.json'))
    : [];
  if (check) {
    const problems = [];
    for (const [name, text] of artifacts) {
      const file = path.join(artifactsDir, `${name}.json`);
      if (!fs.existsSync(file)) problems.push(`missing artifacts/${name}.json`);
      else if (fs.readFileSync(file, 'utf8') !== text) problems.push(`stale artifacts/${name}.json`);
    }
    for (const f of existing) {
      if (!artifacts.has(f.slice(0, -5))) problems.push(`unexpected artifacts/${f} (no such contract)`);
    }
    if (problems.length) {
      console.error('compile.js --check: artifacts differ from a fresh compile:');
      for (const p of problems) console.error(`  ${p}`);
      console.error('run `node resources/devnet/compile.js` and commit resources/devnet/artifacts');
      process.exit(1);
    }
    console.log(`compile.js --check: ${artifacts.size} artifacts up to date`);
    return;
  }
  fs.mkdirSync(artifactsDir, { recursive: true });
  for (const f of existing) {
    if (!artifacts.has(f.slice(0, -5))) fs.unlinkSync(path.join(artifactsDir, f));
  }
  for (const [name, text] of artifacts) fs.writeFileSync(path.join(artifactsDir, `${name}.json`), text);
  console.log(`compile.js: wrote ${artifacts.size} artifacts to ${path.relative(process.cwd(), artifactsDir) || '.'}`);
}

try {
  main();
} catch (e) {
  console.error(`compile.js: ${e.message}`);
  process.exit(2);
}
