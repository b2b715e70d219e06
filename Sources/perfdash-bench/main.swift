import PerfdashCore

/// Every benchmark by name; `perfdash-bench` runs all, `perfdash-bench NAME…` the named ones.
/// `perfdash-bench parse FILE` parses FILE instead of the generated 100,000-series exposition.
let arguments = Array(CommandLine.arguments.dropFirst())
let benchmarks: [(name: String, run: () throws -> Void)] = [
    ("host", hostBenchmark),
    ("window", windowBenchmark),
    ("host-parse", parseBreakdownBenchmark),
    ("parse", { try ParseBench.run(arguments: arguments.first == "parse" ? Array(arguments.dropFirst()) : []) }),
    ("autoscale", runAutoscaleBench),
    ("monitor", monitorBenchmark),
    ("tui", runTUIBench),
    ("headless", headlessBenchmark),
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
