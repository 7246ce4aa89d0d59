// Throwaway anvil chains and a tiny JSON-RPC client for the devnet tests.
import { spawn } from 'node:child_process';
import net from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Interface, decodeRevert } from './abi.mjs';

const devnetDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ANVIL = path.join(devnetDir, 'node_modules', '@foundry-rs', 'anvil-linux-amd64', 'bin', 'anvil');

export const SYSTEM = '0xffffFFFfFFffffffffffffffFfFFFfffFFFfFFfE';

export function artifact(name) {
  const a = JSON.parse(fs.readFileSync(path.join(devnetDir, 'artifacts', `${name}.json`), 'utf8'));
  return { ...a, iface: new Interface(a.abi) };
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

export class RpcError extends Error {
  constructor(error) {
    super(error.message);
    this.code = error.code;
    this.data = typeof error.data === 'string' ? error.data : error.data?.data;
    this.reason = this.data ? decodeRevert(this.data) : error.message;
  }
}

export class Chain {
  constructor(url, proc) {
    this.url = url;
    this.proc = proc;
    this.nextId = 1;
  }

  async rpc(method, params = []) {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: this.nextId++, method, params }),
    });
    const body = await res.json();
    if (body.error) throw new RpcError(body.error);
    return body.result;
  }

  async accounts() {
    return this.rpc('eth_accounts');
  }

  async send(tx) {
    const t = { ...tx };
    if (t.gas !== undefined) t.gas = '0x' + BigInt(t.gas).toString(16);
    if (t.value !== undefined) t.value = '0x' + BigInt(t.value).toString(16);
    const hash = await this.rpc('eth_sendTransaction', [t]);
    let receipt = null;
    for (let i = 0; i < 400 && !receipt; i++) {
      receipt = await this.rpc('eth_getTransactionReceipt', [hash]);
      if (!receipt) await new Promise((r) => setTimeout(r, i < 20 ? 5 : 25));
    }
    if (!receipt) throw new Error(`no receipt for ${hash}`);
    receipt.gasUsedN = BigInt(receipt.gasUsed);
    return receipt;
  }

  /** sends and requires success */
  async sendOk(tx) {
    const r = await this.send(tx);
    if (r.status !== '0x1') throw new Error(`transaction ${r.transactionHash} reverted`);
    return r;
  }

  async call(tx, block = 'latest') {
    return this.rpc('eth_call', [tx, block]);
  }

  /** the revert reason of tx as eth_call (throws if it does not revert) */
  async revertReason(tx) {
    try {
      await this.call(tx);
    } catch (e) {
      if (e instanceof RpcError) return e.reason;
      throw e;
    }
    throw new Error('expected a revert, the call succeeded');
  }

  async deploy(name, args = [], from) {
    const a = artifact(name);
    const sender = from ?? (await this.accounts())[0];
    const r = await this.sendOk({ from: sender, data: a.iface.encodeDeploy(a.bytecode, args), gas: 15_000_000 });
    return new Contract(this, r.contractAddress, a);
  }

  /** places a contract's runtime code at a fixed address (Edge's genesis contracts) */
  async place(name, address) {
    const a = artifact(name);
    await this.rpc('anvil_setCode', [address, a.deployedBytecode]);
    return new Contract(this, address, a);
  }

  async impersonate(address) {
    await this.rpc('anvil_impersonateAccount', [address]);
    await this.rpc('anvil_setBalance', [address, '0x56bc75e2d63100000']);
  }

  async blockNumber() {
    return Number(await this.rpc('eth_blockNumber'));
  }

  async mine(n = 1) {
    await this.rpc('anvil_mine', ['0x' + n.toString(16)]);
  }

  async stop() {
    if (!this.proc) return;
    const p = this.proc;
    this.proc = null;
    if (p.exitCode !== null) return;
    await new Promise((resolve) => {
      p.once('exit', resolve);
      p.kill('SIGTERM');
      setTimeout(() => p.exitCode === null && p.kill('SIGKILL'), 3000).unref();
    });
  }
}

export class Contract {
  constructor(chain, address, art) {
    this.chain = chain;
    this.address = address;
    this.art = art;
    this.iface = art.iface;
  }

  data(fn, args) {
    return this.iface.encodeCall(fn, args);
  }

  async read(fn, args = [], from) {
    const out = await this.chain.call({ to: this.address, data: this.data(fn, args), ...(from ? { from } : {}) });
    return this.iface.decodeResult(fn, out);
  }

  async read1(fn, args = [], from) {
    return (await this.read(fn, args, from))[0];
  }

  async send(fn, args, from, gas = 12_000_000) {
    return this.chain.send({ from, to: this.address, data: this.data(fn, args), gas });
  }

  async sendOk(fn, args, from, gas = 12_000_000) {
    const r = await this.send(fn, args, from, gas);
    if (r.status !== '0x1') {
      const reason = await this.revertReason(fn, args, from).catch((e) => e.message);
      throw new Error(`${fn} reverted: ${reason}`);
    }
    return r;
  }

  async revertReason(fn, args, from) {
    return this.chain.revertReason({ from, to: this.address, data: this.data(fn, args), gas: '0xb71b00' });
  }

  logs(receipt, event) {
    return this.iface.parseLogs(receipt, event, this.address);
  }
}

/** starts anvil on a random free port; call chain.stop() when done */
export async function startAnvil({ chainId = 31337 } = {}) {
  if (!fs.existsSync(ANVIL)) throw new Error(`anvil missing at ${ANVIL}; run resources/devnet/ensure-tools.sh`);
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = 20000 + Math.floor(Math.random() * 40000);
    if (!(await portIsFree(port))) continue;
    const proc = spawn(ANVIL, ['--host', '127.0.0.1', '--port', String(port), '--chain-id', String(chainId), '--quiet'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    proc.stderr.on('data', (d) => (stderr += d));
    const chain = new Chain(`http://127.0.0.1:${port}`, proc);
    const deadline = Date.now() + 15000;
    while (Date.now() < deadline && proc.exitCode === null) {
      try {
        await chain.rpc('eth_chainId');
        return chain;
      } catch {
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    await chain.stop();
    if (Date.now() >= deadline) throw new Error(`anvil did not start: ${stderr}`);
  }
  throw new Error('no free port for anvil');
}
