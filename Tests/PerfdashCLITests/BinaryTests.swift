import Foundation
import Testing
import PerfdashTestSupport

@Test func binaryPrintsItsVersion() throws {
    let result = try runPerfdash(["--version"])
    #expect(result.status == 0)
    #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
}
