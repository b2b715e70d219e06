import PerfdashCore

// Each benchmark lives in its own file with a `run(arguments:)`; this switch picks one by name.
let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "parse":
    try ParseBench.run(arguments: Array(arguments.dropFirst()))
default:
    print("perfdash-bench \(PerfdashCore.version)")
    print("usage: perfdash-bench parse [FILE]   exposition parser throughput (target \(ParseBench.target))")
}
