import PerfdashCore

print("perfdash-bench \(PerfdashCore.version)")
let selected = CommandLine.arguments.dropFirst().first
if selected == nil || selected == "tui" { try runTUIBench() }
