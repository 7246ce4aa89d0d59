// Minimal Solidity ABI encoder/decoder for the devnet tests (no ethers/web3 in the pinned tools).
// Values: integers as bigint|number|decimal string, address/bytesN/bytes as 0x-hex, string as string,
// arrays as arrays, tuples as arrays (positional) or objects (by component name).
import { keccak_256 } from '@noble/hashes/sha3.js';

export const hexToBytes = (hex) => Buffer.from(hex.startsWith('0x') ? hex.slice(2) : hex, 'hex');
export const bytesToHex = (b) => '0x' + Buffer.from(b).toString('hex');
export const keccak = (data) => bytesToHex(keccak_256(typeof data === 'string' ? hexToBytes(data) : data));
export const keccakText = (text) => bytesToHex(keccak_256(Buffer.from(text, 'utf8')));

function parseType(param) {
  const t = param.type;
  const m = t.match(/^(.*)\[(\d*)\]$/);
  if (m) {
    return {
      kind: 'array',
      length: m[2] === '' ? null : Number(m[2]),
      elem: parseType({ ...param, type: m[1] }),
    };
  }
  if (t === 'tuple') return { kind: 'tuple', components: param.components.map(parseType), names: param.components.map((c) => c.name) };
  if (t === 'address' || t === 'bool' || t === 'string' || t === 'bytes') return { kind: t };
  if (/^uint\d+$/.test(t)) return { kind: 'uint' };
  if (/^int\d+$/.test(t)) return { kind: 'int' };
  if (/^bytes\d+$/.test(t)) return { kind: 'bytesN', size: Number(t.slice(5)) };
  throw new Error(`unsupported ABI type ${t}`);
}

export function canonical(param) {
  const m = param.type.match(/^tuple(.*)$/);
  if (m) return `(${param.components.map(canonical).join(',')})${m[1]}`;
  return param.type;
}

const isDynamic = (t) =>
  t.kind === 'bytes' || t.kind === 'string' || (t.kind === 'array' && (t.length === null || isDynamic(t.elem))) ||
  (t.kind === 'tuple' && t.components.some(isDynamic));

const word = (n) => {
  let v = BigInt(n);
  if (v < 0n) v = (1n << 256n) + v;
  return Buffer.from(v.toString(16).padStart(64, '0'), 'hex');
};
const padRight = (b) => Buffer.concat([b, Buffer.alloc((32 - (b.length % 32)) % 32)]);

function encodeValue(t, v) {
  switch (t.kind) {
    case 'uint':
    case 'int':
      return word(typeof v === 'string' && !v.startsWith('0x') ? BigInt(v) : BigInt(v));
    case 'bool':
      return word(v ? 1 : 0);
    case 'address':
      return Buffer.concat([Buffer.alloc(12), hexToBytes(v.toLowerCase()).subarray(0, 20)]);
    case 'bytesN':
      return padRight(hexToBytes(v));
    case 'bytes':
    case 'string': {
      const b = t.kind === 'string' ? Buffer.from(v, 'utf8') : hexToBytes(v);
      return Buffer.concat([word(b.length), padRight(b)]);
    }
    case 'array': {
      const items = t.length === null ? v : v.slice(0, t.length);
      if (t.length !== null && v.length !== t.length) throw new Error(`expected ${t.length} items`);
      const body = encodeTuple(items.map(() => t.elem), items);
      return t.length === null ? Buffer.concat([word(v.length), body]) : body;
    }
    case 'tuple': {
      const vals = Array.isArray(v) ? v : t.names.map((n) => v[n]);
      return encodeTuple(t.components, vals);
    }
  }
  throw new Error(`cannot encode ${t.kind}`);
}

function encodeTuple(types, values) {
  if (types.length !== values.length) throw new Error(`expected ${types.length} values, got ${values.length}`);
  const heads = [];
  const tails = [];
  let headSize = 0;
  for (const t of types) headSize += isDynamic(t) ? 32 : staticSize(t);
  let tailOffset = headSize;
  types.forEach((t, i) => {
    const enc = encodeValue(t, values[i]);
    if (isDynamic(t)) {
      heads.push(word(tailOffset));
      tails.push(enc);
      tailOffset += enc.length;
    } else heads.push(enc);
  });
  return Buffer.concat([...heads, ...tails]);
}

function staticSize(t) {
  if (t.kind === 'array') return t.length * staticSize(t.elem);
  if (t.kind === 'tuple') return t.components.reduce((s, c) => s + staticSize(c), 0);
  return 32;
}

function decodeValue(t, data, offset) {
  const readWord = (o) => BigInt('0x' + data.subarray(o, o + 32).toString('hex'));
  switch (t.kind) {
    case 'uint':
      return readWord(offset);
    case 'int': {
      const v = readWord(offset);
      return v >= 1n << 255n ? v - (1n << 256n) : v;
    }
    case 'bool':
      return readWord(offset) !== 0n;
    case 'address':
      return bytesToHex(data.subarray(offset + 12, offset + 32));
    case 'bytesN':
      return bytesToHex(data.subarray(offset, offset + t.size));
    case 'bytes':
    case 'string': {
      const len = Number(readWord(offset));
      const b = data.subarray(offset + 32, offset + 32 + len);
      return t.kind === 'string' ? b.toString('utf8') : bytesToHex(b);
    }
    case 'array': {
      if (t.length === null) {
        const len = Number(readWord(offset));
        return decodeTuple(Array(len).fill(t.elem), data, offset + 32);
      }
      return decodeTuple(Array(t.length).fill(t.elem), data, offset);
    }
    case 'tuple':
      return decodeTuple(t.components, data, offset);
  }
  throw new Error(`cannot decode ${t.kind}`);
}

function decodeTuple(types, data, base) {
  const out = [];
  let head = base;
  for (const t of types) {
    if (isDynamic(t)) {
      const rel = Number(BigInt('0x' + data.subarray(head, head + 32).toString('hex')));
      out.push(decodeValue(t, data, base + rel));
      head += 32;
    } else {
      out.push(decodeValue(t, data, head));
      head += staticSize(t);
    }
  }
  return out;
}

/** abi.encode(values) for a list of type strings or ABI params */
export function encode(types, values) {
  const params = types.map((t) => (typeof t === 'string' ? { type: t } : t));
  return bytesToHex(encodeTuple(params.map(parseType), values));
}

export function decode(types, hex) {
  const params = types.map((t) => (typeof t === 'string' ? { type: t } : t));
  return decodeTuple(params.map(parseType), hexToBytes(hex), 0);
}

/** A contract interface built from an artifact's ABI */
export class Interface {
  constructor(abi) {
    this.abi = abi;
    this.functions = new Map();
    this.events = new Map();
    for (const item of abi) {
      if (item.type === 'function') {
        const sig = `${item.name}(${item.inputs.map(canonical).join(',')})`;
        const entry = { ...item, signature: sig, selector: keccakText(sig).slice(0, 10) };
        this.functions.set(item.name, entry);
        this.functions.set(sig, entry);
      } else if (item.type === 'event') {
        const sig = `${item.name}(${item.inputs.map(canonical).join(',')})`;
        this.events.set(item.name, { ...item, signature: sig, topic: keccakText(sig) });
      }
    }
  }

  fn(name) {
    const f = this.functions.get(name);
    if (!f) throw new Error(`no function ${name}`);
    return f;
  }

  encodeCall(name, args = []) {
    const f = this.fn(name);
    return f.selector + encode(f.inputs, args).slice(2);
  }

  decodeResult(name, hex) {
    return decode(this.fn(name).outputs, hex);
  }

  encodeDeploy(bytecode, args = []) {
    const ctor = this.abi.find((i) => i.type === 'constructor');
    return bytecode + (ctor ? encode(ctor.inputs, args).slice(2) : '');
  }

  /** decoded logs of event `name` among receipt logs (optionally from one address) */
  parseLogs(receipt, name, address) {
    const ev = this.events.get(name);
    if (!ev) throw new Error(`no event ${name}`);
    return receipt.logs
      .filter((l) => l.topics[0] === ev.topic && (!address || l.address.toLowerCase() === address.toLowerCase()))
      .map((l) => {
        const out = { address: l.address };
        const indexed = ev.inputs.filter((i) => i.indexed);
        const plain = ev.inputs.filter((i) => !i.indexed);
        indexed.forEach((inp, k) => {
          out[inp.name] = decode([inp], l.topics[k + 1])[0];
        });
        decode(plain, l.data).forEach((v, k) => {
          out[plain[k].name] = v;
        });
        return out;
      });
  }
}

/** human-readable revert reason from revert data */
export function decodeRevert(data) {
  if (!data || data === '0x') return '<empty revert>';
  if (data.startsWith('0x08c379a0')) return decode(['string'], '0x' + data.slice(10))[0];
  if (data.startsWith('0x4e487b71')) return `panic 0x${decode(['uint256'], '0x' + data.slice(10))[0].toString(16).padStart(2, '0')}`;
  return data;
}
