import PerfdashCore

print("perfdash-bench \(PerfdashCore.version)")
