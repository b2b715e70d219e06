import PerfdashCore

print("perfdash-bench \(PerfdashCore.version)")
// `perfdash-bench [name]`: every benchmark, or only the one named.
let selected = Set(CommandLine.arguments.dropFirst())
if selected.isEmpty || selected.contains("autoscale") { runAutoscaleBench() }
