// Reads the JSON lines of bench/run-inference.sh and prints Markdown tables of medians and ratios.
import { readFileSync } from "node:fs";

const [bindingFile, concurrencyFile] = process.argv.slice(2);
const lines = f => readFileSync(f, "utf8").split("\n").filter(Boolean).map(l => JSON.parse(l));
const median = xs => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const fmt = x => x >= 1000 ? Math.round(x).toLocaleString("en-US") : x.toFixed(1);
const groupBy = (xs, key) => xs.reduce((m, x) => m.set(key(x), [...(m.get(key(x)) ?? []), x]), new Map());

const binding = lines(bindingFile);
console.log("| model | threads | ChatCouncil prompt tok/s | llama.cpp decode-only prompt tok/s | ratio | node-llama-cpp prompt tok/s | ChatCouncil / node | ChatCouncil gen tok/s | llama.cpp decode-only gen tok/s | ratio | node-llama-cpp gen tok/s | ChatCouncil / node |");
console.log("|---|---|---|---|---|---|---|---|---|---|---|---|");
for (const [key, rows] of groupBy(binding, r => `${r.modelName}|${r.threads}`)) {
    const [model, threads] = key.split("|");
    const cc = rows.filter(r => r.peer === "chatcouncil");
    const node = rows.filter(r => r.peer === "node-llama-cpp");
    const ccP = median(cc.map(r => r.promptTokPerSec)), llP = median(cc.map(r => r.llamaPromptTokPerSec)), nodeP = median(node.map(r => r.promptTokPerSec));
    const ccG = median(cc.map(r => r.genTokPerSec)), llG = median(cc.map(r => r.llamaGenTokPerSec)), nodeG = median(node.map(r => r.genTokPerSec));
    console.log(`| ${model} | ${threads} | ${fmt(ccP)} | ${fmt(llP)} | ${(ccP / llP).toFixed(3)} | ${fmt(nodeP)} | ${(ccP / nodeP).toFixed(2)} | ${fmt(ccG)} | ${fmt(llG)} | ${(ccG / llG).toFixed(3)} | ${fmt(nodeG)} | ${(ccG / nodeG).toFixed(2)} |`);
}

if (concurrencyFile) {
    console.log("");
    console.log("| model | 1 conversation gen tok/s | 8 conversations aggregate gen tok/s | ratio | llama_decode alone: 8 seqs / 1 seq (ceiling) | TTFT p50, 1 conversation (ms) | TTFT p50 under 8 (ms) |");
    console.log("|---|---|---|---|---|---|---|");
    for (const [model, rows] of groupBy(lines(concurrencyFile), r => r.modelName)) {
        const runs = rows.filter(r => r.peer === "chatcouncil");
        const one = runs.filter(r => r.conversations === 1), many = runs.filter(r => r.conversations > 1);
        const raw = rows.filter(r => r.peer === "llama_decode");
        const rawRatio = raw.find(r => r.sequences === 8).tokPerSec / raw.find(r => r.sequences === 1).tokPerSec;
        const a = median(one.map(r => r.aggregateGenTokPerSec)), b = median(many.map(r => r.aggregateGenTokPerSec));
        console.log(`| ${model} | ${fmt(a)} | ${fmt(b)} | ${(b / a).toFixed(2)} | ${rawRatio.toFixed(2)} | ${median(one.map(r => r.ttftMsMedian)).toFixed(1)} | ${median(many.map(r => r.ttftMsMedian)).toFixed(1)} |`);
    }
}
