public import Foundation

/// Paths the tests need: the package root and the fixture trees under Tests/Fixtures.
public enum TestPaths {
    /// The package root, found from this file's own path so tests run from any working directory.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent() // PerfdashTestSupport
        .deletingLastPathComponent() // Tests
        .deletingLastPathComponent()

    /// `Tests/Fixtures/<name>`.
    public static func fixture(_ name: String) -> URL {
        packageRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(name)
    }

    /// The built `perfdash` executable next to the test bundle (debug or release, whichever is running).
    public static var perfdashBinary: URL {
        let bundle = Bundle.main.bundleURL
        let candidates = [bundle.appendingPathComponent("perfdash"),
                          bundle.deletingLastPathComponent().appendingPathComponent("perfdash"),
                          packageRoot.appendingPathComponent(".build/debug/perfdash")]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
    }
}
