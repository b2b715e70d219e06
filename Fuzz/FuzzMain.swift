import Foundation

/// `perfdash-fuzz TARGET [arguments]`; `--list` names the targets, `--seeds TARGET FIXTURES` lists the fixture files
/// that seed one. The target may also come from `PERFDASH_FUZZ_TARGET`.
///
/// Built by `scripts/fuzz.sh` with `-sanitize=fuzzer,address -DFUZZING`, the arguments go to libFuzzer's driver.
/// Built plainly (as `swift build` does), it replays files through the target once each: `perfdash-fuzz config
/// crash-123` reproduces a crash without the sanitizers.
@main
enum FuzzMain {
    static func main() {
        var arguments = CommandLine.arguments
        if arguments.count == 4, arguments[1] == "--seeds", let target = FuzzTarget.named(arguments[2]) {
            print(target.seedFiles(fixtures: arguments[3]).joined(separator: "\n"))
            return
        }
        if arguments.count >= 2, FuzzTarget.named(arguments[1]) != nil {
            setenv("PERFDASH_FUZZ_TARGET", arguments[1], 1)
            arguments.remove(at: 1)
        }
        guard let target = Selected.target, arguments.dropFirst().first != "--list" else {
            let names = FuzzTarget.all.map { target in
                "\(target.name)\t\(target.maxLength)\t\(target.seeds.joined(separator: ","))"
                    + (target.seedFiles.isEmpty ? "" : " (\(target.seedFiles.joined(separator: " ")))")
            }
            print((["usage: perfdash-fuzz TARGET [libFuzzer arguments]", "targets, their -max_len and their seed fixtures:"] + names)
                    .joined(separator: "\n"))
            exit(arguments.dropFirst().first == "--list" ? 0 : 2)
        }
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

/// The target for this process, from `PERFDASH_FUZZ_TARGET`; libFuzzer's callback is a C function and cannot
/// capture it.
enum Selected {
    static let target: FuzzTarget? = ProcessInfo.processInfo.environment["PERFDASH_FUZZ_TARGET"].flatMap(FuzzTarget.named)
}

#if FUZZING
/// libFuzzer's entry point (its archive's own `main` needs it to link, though ours runs).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    Selected.target?.run(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

private func runLibFuzzer(_ arguments: [String]) -> Int32 {
    var cStrings = arguments.map { strdup($0) } + [nil]
    // With -jobs the driver returns (the workers are child processes) and LeakSanitizer checks at exit: the copies
    // are freed, or the run ends with a leak report and status 1 after every worker passed.
    let copies = cStrings
    defer { copies.forEach { free($0) } }
    var argc = Int32(arguments.count)
    return cStrings.withUnsafeMutableBufferPointer { buffer in
        var argv = buffer.baseAddress
        return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) }
    }
}
#endif
