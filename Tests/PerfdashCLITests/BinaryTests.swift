import Foundation
import Testing

@Test func binaryPrintsItsVersion() throws {
    let process = Process()
    process.executableURL = TestPaths.perfdashBinary
    process.arguments = ["--version"]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    process.waitUntilExit()
    let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(process.terminationStatus == 0)
    #expect(out.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
}
