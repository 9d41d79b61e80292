// node summarize.mjs results/webhooks.jsonl: the Markdown tables bench/run-webhooks.sh prints. First every
// measurement; then, per platform, ChatCouncil and its peer in each run, the ratio per run and the median ratio.
import fs from 'node:fs';

const rows = fs.readFileSync(process.argv[2], 'utf8').trim().split('\n').map(line => JSON.parse(line));
const runs = [...new Set(rows.map(r => r.run))].sort((a, b) => a - b);
const median = values => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const platforms = ['slack', 'github', 'discord'];

console.log('| run | platform | server | requests/s | p50 ms | p99 ms | non-2xx |');
console.log('|---:|---|---|---:|---:|---:|---:|');
for (const r of rows.filter(r => r.rps !== undefined)) {
  console.log(`| ${r.run} | ${r.platform} | ${r.server} | ${r.rps.toFixed(0)} | ${r.p50Ms.toFixed(2)} | ${r.p99Ms.toFixed(2)} | ${r.non2xx} |`);
}

console.log('\n| platform | ChatCouncil req/s | peer req/s | ratio per run | median ratio | ChatCouncil p99 ms | peer p99 ms |');
console.log('|---|---|---|---|---:|---|---|');
for (const platform of platforms) {
  const ours = runs.map(run => rows.find(r => r.run === run && r.platform === platform && r.server === 'chatcouncil'));
  const peers = runs.map(run => rows.find(r => r.run === run && r.platform === platform && r.server !== 'chatcouncil'));
  if (ours.some(r => !r) || peers.some(r => !r)) continue;
  const ratios = ours.map((r, i) => r.rps / peers[i].rps);
  const list = (values, digits = 0) => values.map(v => v.toFixed(digits)).join(' · ');
  console.log(`| ${platform} | ${list(ours.map(r => r.rps))} | ${peers[0].server} ${list(peers.map(r => r.rps))} | ${list(ratios, 2)} | `
    + `${median(ratios).toFixed(2)} | ${list(ours.map(r => r.p99Ms))} | ${list(peers.map(r => r.p99Ms))} |`);
}

const pings = rows.filter(r => r.platform === 'github-ping');
if (pings.length) {
  console.log(`\nChatCouncil answering GitHub pings (nothing stored): ${pings.map(r => `${r.rps.toFixed(0)} req/s, p99 ${r.p99Ms.toFixed(1)} ms`).join(' · ')}`);
}
const ed25519 = rows.filter(r => r.platform === 'ed25519-verify');
if (ed25519.length) {
  console.log(`OpenSSL Ed25519 on the server core: ${ed25519.map(r => r.verifyPerSecond.toFixed(0)).join(' · ')} verifications/s`);
}
