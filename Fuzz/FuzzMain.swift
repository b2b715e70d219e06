import Foundation

/// `perfdash-fuzz TARGET [libFuzzer options and corpus folders]`; `--list` names the targets, `--seeds TARGET
/// FIXTURES` lists the fixture files that seed one.
///
/// Built by `scripts/fuzz.sh` with `-sanitize=fuzzer,address -DFUZZING`, it hands the run to libFuzzer's driver.
/// Built plainly (as `swift build` does), it replays files through the target once each: `perfdash-fuzz config
/// crash-123` reproduces a crash without the sanitizers, and `perfdash-fuzz --list` names the targets.
@main
enum FuzzMain {
    static func main() {
        var arguments = CommandLine.arguments
        if arguments.count == 4, arguments[1] == "--seeds", let target = FuzzTarget.named(arguments[2]) {
            print(target.seedFiles(fixtures: arguments[3]).joined(separator: "\n"))
            return
        }
        guard arguments.count >= 2, arguments[1] != "--list", let target = FuzzTarget.named(arguments[1]) else {
            let names = FuzzTarget.all.map { "\($0.name)\t\($0.seeds.joined(separator: ","))" + ($0.seedFile.map { " (\($0))" } ?? "") }
            print((["usage: perfdash-fuzz TARGET [libFuzzer arguments]", "targets and their seed fixtures:"] + names)
                    .joined(separator: "\n"))
            exit(arguments.count >= 2 && arguments[1] == "--list" ? 0 : 2)
        }
        Selected.target = target
        arguments.remove(at: 1)
        #if FUZZING
        exit(runLibFuzzer(arguments))
        #else
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("\(path): cannot read")
                exit(1)
            }
            data.withUnsafeBytes { target.run($0) }
            print("\(path): ok")
        }
        #endif
    }
}

/// The target for this process; libFuzzer's callback is a C function and cannot capture it.
enum Selected {
    nonisolated(unsafe) static var target: FuzzTarget?
}

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

private func runLibFuzzer(_ arguments: [String]) -> Int32 {
    var cStrings = arguments.map { strdup($0) } + [nil]
    var argc = Int32(arguments.count)
    return cStrings.withUnsafeMutableBufferPointer { buffer in
        var argv = buffer.baseAddress
        return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            Selected.target?.run(UnsafeRawBufferPointer(start: data, count: size))
            return 0
        }
    }
}
#endif
