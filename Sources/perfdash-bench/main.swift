import PerfdashCore

/// Every benchmark by name; `perfdash-bench` runs all, `perfdash-bench NAME…` the named ones.
/// `perfdash-bench parse FILE` parses FILE instead of the generated 100,000-series exposition; `perfdash-bench scrape
/// N` serves N series instead of 100,000; `perfdash-bench headless csv-wide …` runs only the named variants (run it from the repository root: it runs the fixture generator).
let arguments = Array(CommandLine.arguments.dropFirst())
let benchmarks: [(name: String, run: () throws -> Void)] = [
    ("host", hostBenchmark),
    ("window", windowBenchmark),
    ("host-parse", parseBreakdownBenchmark),
    ("parse", { try ParseBench.run(arguments: arguments.first == "parse" ? Array(arguments.dropFirst()) : []) }),
    ("autoscale", runAutoscaleBench),
    ("monitor", monitorBenchmark),
    ("tui", runTUIBench),
    ("headless", { try headlessBenchmark(only: arguments.first == "headless" ? Array(arguments.dropFirst()) : []) }),
    ("scrape", { try runScrapeBench(arguments: arguments.first == "scrape" ? Array(arguments.dropFirst()) : []) }),
]

print("perfdash-bench \(PerfdashCore.version)")
let names = Set(benchmarks.map(\.name))
let selected = Set(arguments.filter { names.contains($0) })
if !arguments.isEmpty && selected.isEmpty {
    print("usage: perfdash-bench [\(benchmarks.map(\.name).joined(separator: "|"))]…")
}
for benchmark in benchmarks where arguments.isEmpty || selected.contains(benchmark.name) {
    try benchmark.run()
}
