// hnswlib-node on the same data as bench/MemoryBench: reads vectors.f32, queries.f32 and truth.json from the folder
// given as the first argument, builds an HNSW index (cosine, M=16, efConstruction=200), searches with ef=64 and
// reports build time, search p50/p99, recall@10 against the exact answers, and resident memory.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import hnswlib from 'hnswlib-node';

const dir = process.argv[2] ?? '/tmp/chatcouncil-memory-bench';
const dims = Number(process.argv[3] ?? 384);
const ef = Number(process.argv[4] ?? 64);
const read = (name) => {
  const bytes = readFileSync(join(dir, name));
  return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
};
const vectors = read('vectors.f32');
const queries = read('queries.f32');
const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8'));
const count = vectors.length / dims;

const rssBefore = process.memoryUsage().rss;
const index = new hnswlib.HierarchicalNSW('cosine', dims);
index.initIndex(count, 16, 200, 42);
const buildStart = process.hrtime.bigint();
for (let i = 0; i < count; i++) {
  index.addPoint(Array.from(vectors.subarray(i * dims, (i + 1) * dims)), i);
}
const buildSeconds = Number(process.hrtime.bigint() - buildStart) / 1e9;
const indexMiB = (process.memoryUsage().rss - rssBefore) / 1048576;
index.setEf(ef);

const times = [];
let found = 0;
for (let q = 0; q < truth.length; q++) {
  const query = Array.from(queries.subarray(q * dims, (q + 1) * dims));
  const start = process.hrtime.bigint();
  const { neighbors } = index.searchKnn(query, 10);
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
  const expected = new Set(truth[q]);
  found += neighbors.filter((n) => expected.has(n)).length;
}
times.sort((a, b) => a - b);
const pick = (p) => times[Math.min(times.length - 1, Math.floor(times.length * p))];
const report = {
  peer: 'hnswlib-node 3.0.0',
  node: process.version,
  chunks: count,
  dims,
  ef,
  buildSeconds,
  searchP50Ms: pick(0.5),
  searchP99Ms: pick(0.99),
  recallAt10: found / (10 * truth.length),
  indexResidentMiB: indexMiB,
  processResidentMiB: process.memoryUsage().rss / 1048576,
};
writeFileSync(join(dir, 'hnswlib.json'), JSON.stringify(report, null, 2));
console.log(JSON.stringify(report, null, 2));
