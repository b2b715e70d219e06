import Foundation
import PerfdashTestSupport
import Testing
@testable import PerfdashCore

/// Each advisor rule on recorded sequences of snapshot series (Tests/Fixtures/advisor/*.json: the flat series of
/// consecutive snapshots, the CPU count, which series each autoscaler reads, and the findings expected, with
/// evidence computed by hand). Fixtures that expect nothing are the near misses each rule must not report.
@Suite struct AdvisorFixtureTests {
    struct Fixture: Decodable {
        var description: String
        var cores: Int?
        var autoscalerInputs: [String: [String]]
        var ticks: [[String: Double]]
        var expect: [Expected]
    }

    struct Expected: Decodable {
        var rule: String
        var severity: String
        var subject: String
        var bottleneck: String
        var evidence: [String]
        var suggestionContains: String
    }

    static let names = ["cpu-bound", "cpu-busy-short-queue", "disk-bound", "memory-pressure", "memory-full-no-pressure",
                        "caches", "queue-growing", "queue-growing-idle-workers", "pool-saturated", "buffers-outgrown",
                        "buffers-steady", "sequential-scans", "healthy"]

    static func load(_ name: String) throws -> Fixture {
        let data = try Data(contentsOf: TestPaths.fixture("advisor/\(name).json"))
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Fixture.self, from: data)
    }

    @Test(arguments: names)
    func fixture(name: String) throws {
        let fixture = try Self.load(name)
        let signals = AdvisorSignals(ticks: fixture.ticks, cores: fixture.cores,
                                     autoscalerInputs: fixture.autoscalerInputs)
        let findings = Advisor.findings(signals, settings: AdvisorSettings())
        #expect(findings.map(\.rule) == fixture.expect.map(\.rule), "\(name): \(fixture.description)")
        for (finding, expected) in zip(findings, fixture.expect) {
            #expect(finding.severity.name == expected.severity)
            #expect(finding.subject == expected.subject)
            #expect(finding.bottleneck == expected.bottleneck)
            #expect(finding.evidence == expected.evidence)
            #expect(finding.suggestion.contains(expected.suggestionContains))
        }
    }

    /// Every fixture in the directory is listed above, so a new one cannot be forgotten.
    @Test func everyFixtureIsRun() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: TestPaths.fixture("advisor").path)
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }
        #expect(Set(files) == Set(Self.names))
    }

    /// Thresholds come from the settings: the same CPU sequence is not CPU bound at a 98 % threshold, and the
    /// advisor says nothing when switched off or when its inputs are absent.
    @Test func thresholdsAndAbsentInputs() throws {
        let fixture = try Self.load("cpu-bound")
        let signals = AdvisorSignals(ticks: fixture.ticks, cores: fixture.cores)
        var settings = AdvisorSettings()
        settings.cpuBusyPercent = 98
        #expect(Advisor.findings(signals, settings: settings).isEmpty)
        settings = AdvisorSettings()
        settings.enabled = false
        #expect(Advisor.findings(signals, settings: settings).isEmpty)
        #expect(Advisor.findings(AdvisorSignals(series: [:], cores: nil), settings: AdvisorSettings()).isEmpty)
        // Without the CPU count the run queue cannot be judged, but PSI alone still confirms.
        let noCores = AdvisorSignals(ticks: fixture.ticks, cores: nil)
        #expect(Advisor.findings(noCores, settings: AdvisorSettings()).first?.evidence.count == 2)
    }

    /// The trend is numpy's least-squares slope (np.polyfit(x, y, 1)[0]) per sample.
    @Test func trendMatchesLeastSquares() throws {
        // np.polyfit(range(5), [99.5, 99.0, 98.0, 97.0, 96.0], 1)[0] = -0.9
        let signals = AdvisorSignals(series: ["s": [99.5, 99.0, 98.0, 97.0, 96.0], "t": [1, 2]], cores: nil)
        let trend = try #require(signals.trend("s"))
        #expect(abs(trend.slope - -0.9) < 1e-12)
        #expect(abs(trend.change - -3.6) < 1e-12)
        #expect(signals.trend("t") == nil)
    }
}
