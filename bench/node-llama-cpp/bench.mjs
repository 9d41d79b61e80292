#!/usr/bin/env node
// Benchmark peer for ChatCouncil's binding-overhead benchmark: node-llama-cpp 3.22.1 driving the
// same llama.cpp build (its prebuilt CPU binaries, @node-llama-cpp/linux-x64) on the same GGUF.
// Prints one JSON line per measured repeat on stdout; diagnostics go to stderr.
//
// Measured the way ChatCouncil measures it:
//   prompt: wall clock around decoding a fixed prompt of --prompt-tokens tokens (logits for the
//           last one) and sampling the first token from it;
//   gen:    wall clock around --gen-tokens steps of "decode the previous token, sample the next
//           one greedily", continuing through end-of-generation tokens so the count is exact.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

const usage = `usage: node bench.mjs --model PATH [--threads N] [--batch N] [--ctx N]
                     [--prompt-tokens N] [--gen-tokens N] [--repeat N] [--warmup N]
                     [--flash-attn auto|on|off]`;

function fail(message, code = 2) {
    process.stderr.write(`bench.mjs: ${message}\n`);
    process.exit(code);
}

let values;
try {
    ({ values } = parseArgs({
        options: {
            model: { type: "string" },
            threads: { type: "string", default: "1" },
            batch: { type: "string", default: "512" },
            ctx: { type: "string", default: "2048" },
            "prompt-tokens": { type: "string", default: "256" },
            "gen-tokens": { type: "string", default: "128" },
            repeat: { type: "string", default: "3" },
            warmup: { type: "string", default: "1" },
            "flash-attn": { type: "string", default: "auto" },
            help: { type: "boolean", default: false },
        },
        strict: true,
    }));
} catch (error) {
    fail(`${error.message}\n${usage}`);
}
if (values.help) {
    process.stdout.write(usage + "\n");
    process.exit(0);
}

function count(name, min) {
    const text = values[name];
    const number = Number(text);
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(number) || number < min)
        fail(`--${name} must be an integer >= ${min}, got '${text}'`);
    return number;
}

const options = {
    threads: count("threads", 1),
    batch: count("batch", 1),
    ctx: count("ctx", 16),
    promptTokens: count("prompt-tokens", 1),
    genTokens: count("gen-tokens", 1),
    repeat: count("repeat", 1),
    warmup: count("warmup", 0),
};
const flashAttention = { auto: "auto", on: true, off: false }[values["flash-attn"]];
if (flashAttention === undefined)
    fail(`--flash-attn must be auto, on or off, got '${values["flash-attn"]}'`);
if (!values.model)
    fail(`--model PATH is required\n${usage}`);
const modelPath = path.resolve(values.model);
if (!fs.existsSync(modelPath) || !fs.statSync(modelPath).isFile())
    fail(`model file not found: ${modelPath} (pass the GGUF that ChatCouncil benchmarks, e.g. its built-in tiny model)`);
if (options.promptTokens + options.genTokens + 1 > options.ctx)
    fail(`--prompt-tokens + --gen-tokens + 1 must fit in --ctx (${options.promptTokens} + ${options.genTokens} + 1 > ${options.ctx})`);

let nodeLlamaCpp;
try {
    nodeLlamaCpp = await import("node-llama-cpp");
} catch (error) {
    fail(`node-llama-cpp is not installed here: run 'npm install --omit=optional --ignore-scripts' in ${import.meta.dirname} (${error.message})`);
}
const { getLlama, LlamaLogLevel } = nodeLlamaCpp;

// gpu:false selects the CPU prebuilt; build:"never" and skipDownload make a missing binary an
// error instead of a source download and compile.
const llama = await getLlama({
    gpu: false,
    build: "never",
    skipDownload: true,
    usePrebuiltBinaries: true,
    progressLogs: false,
    maxThreads: 0,
    logLevel: LlamaLogLevel.error,
});
const model = await llama.loadModel({ modelPath, gpuLayers: 0 });
const context = await model.createContext({
    contextSize: options.ctx,
    batchSize: options.batch,
    threads: { ideal: options.threads, min: options.threads },
    flashAttention,
    sequences: 1,
});
const sequence = context.getSequence();

// A fixed prompt: the same text, tokenized by the model, repeated and cut to the exact count.
const text = "ChatCouncil measures how fast a binding drives llama.cpp. ";
const unit = model.tokenize(text);
if (unit.length === 0)
    fail("the model's tokenizer produced no tokens for the benchmark text");
const prompt = Array.from({ length: options.promptTokens }, (_, i) => unit[i % unit.length]);

async function measure() {
    await sequence.clearHistory();
    const tokens = sequence.evaluate(prompt, { temperature: 0, yieldEogToken: true });
    const start = process.hrtime.bigint();
    let step = await tokens.next();
    const promptEnd = process.hrtime.bigint();
    for (let i = 0; i < options.genTokens && !step.done; i++)
        step = await tokens.next();
    const genEnd = process.hrtime.bigint();
    await tokens.return();
    if (step.done)
        throw new Error("generation stopped before --gen-tokens tokens");
    return { promptSeconds: Number(promptEnd - start) / 1e9, genSeconds: Number(genEnd - promptEnd) / 1e9 };
}

for (let i = 0; i < options.warmup; i++)
    await measure();

for (let i = 0; i < options.repeat; i++) {
    const { promptSeconds, genSeconds } = await measure();
    process.stdout.write(JSON.stringify({
        peer: "node-llama-cpp",
        version: "3.22.1",
        backend: llama.gpu === false ? "cpu" : String(llama.gpu),
        buildType: llama.buildType,
        model: modelPath,
        threads: options.threads,
        batch: options.batch,
        ubatch: options.batch,
        ctx: context.contextSize,
        flashAttn: values["flash-attn"],
        promptTokens: options.promptTokens,
        genTokens: options.genTokens,
        repeat: i + 1,
        promptSeconds,
        genSeconds,
        promptTokPerSec: options.promptTokens / promptSeconds,
        genTokPerSec: options.genTokens / genSeconds,
    }) + "\n");
}

await context.dispose();
await model.dispose();
await llama.dispose();
