using ChatCouncil.Bench;

var parsed = new BenchArgs(args);
return parsed.Command switch
{
    "binding" => await BindingBenchmark.RunAsync(parsed),
    "concurrency" => await ConcurrencyBenchmark.RunAsync(parsed),
    "rawdecode" => RawDecodeProbe.Run(parsed),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: ChatCouncil.Bench binding --model PATH|tiny|tiny-large [--threads 1] [--batch 512] [--ctx 2048]
                                 [--prompt-tokens 256] [--gen-tokens 128] [--repeat 5] [--warmup 1] [--backend cpu|vulkan]
               ChatCouncil.Bench rawdecode --model PATH|tiny|tiny-large [--threads 1] [--steps 200]
               ChatCouncil.Bench concurrency --model PATH|tiny|tiny-large [--conversations 8] [--threads 1]
                                 [--prompt-tokens 64] [--gen-tokens 128] [--repeat 3] [--backend cpu|vulkan]
        Each measured repeat prints one JSON line.
        """);
    return 2;
}
