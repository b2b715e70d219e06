import Testing
@testable import PerfdashCore

@Test func versionIsSemantic() {
    #expect(PerfdashCore.version.split(separator: ".").count == 3)
}
