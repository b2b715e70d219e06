import Foundation
@testable import PerfdashCore

/// Helpers shared by the exposition tests.
enum ExpositionTestSupport {
    static let prometheusType = "text/plain; version=0.0.4; charset=utf-8"
    static let openMetricsType = "application/openmetrics-text; version=1.0.0; charset=utf-8"

    static func contentType(_ format: ExpositionFormat) -> String {
        format == .prometheus ? prometheusType : openMetricsType
    }

    /// Parses text in the given format into families.
    static func families(_ text: String, _ format: ExpositionFormat) throws(ExpositionError) -> [MetricFamily] {
        try Exposition.families(from: Array(text.utf8), contentType: contentType(format))
    }

    /// The error parsing `text` throws, or nil when it parses.
    static func error(_ text: String, _ format: ExpositionFormat) -> ExpositionError? {
        do {
            _ = try families(text, format)
            return nil
        } catch {
            return error
        }
    }

    /// The bytes of a fixture under Tests/Fixtures/exposition.
    static func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: TestPaths.fixture("exposition/\(name)")))
    }

    /// Every sample of every family, flattened.
    static func samples(_ families: [MetricFamily]) -> [MetricSample] {
        families.flatMap(\.samples)
    }

    /// Runs a program and returns its standard output; throws when it exits non-zero.
    static func output(of executable: String, _ arguments: [String]) throws -> Data {
        let result = try ChildProcess.run([executable] + arguments)
        guard result.status == 0 else { throw ProcessFailure(status: result.status) }
        return result.output
    }

    /// GETs `url` with curl; returns the body and the response's Content-Type.
    static func fetch(_ url: String, accept: String? = nil) throws -> (body: [UInt8], contentType: String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("perfdash-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        let acceptHeader = accept.map { ["-H", "Accept: \($0)"] } ?? []
        let contentType = try output(
            of: "curl", ["-sS", "--max-time", "5", "-o", file.path, "-w", "%{content_type}"] + acceptHeader + [url])
        return (Array(try Data(contentsOf: file)), String(decoding: contentType, as: UTF8.self))
    }

    /// The benchmark's exposition (Tests/Fixtures/exposition/gen_exposition.py, a copy of shared/bench's).
    static func generatedExposition(series: Int) throws -> [UInt8] {
        Array(try output(of: "python3", [TestPaths.fixture("exposition/gen_exposition.py").path, String(series)]))
    }

    struct ProcessFailure: Error {
        let status: Int32
    }
}
