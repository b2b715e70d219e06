import PerfdashCore

/// Every benchmark by name; `perfdash-bench` runs all, `perfdash-bench NAME…` the named ones.
let benchmarks: [(name: String, run: () throws -> Void)] = [
    ("host", hostBenchmark),
    ("window", windowBenchmark),
    ("host-parse", parseBreakdownBenchmark),
    ("autoscale", runAutoscaleBench),
    ("monitor", monitorBenchmark),
]

print("perfdash-bench \(PerfdashCore.version)")
let selected = Set(CommandLine.arguments.dropFirst())
for benchmark in benchmarks where selected.isEmpty || selected.contains(benchmark.name) {
    try benchmark.run()
}
