import Foundation
import PerfdashTestSupport
import Testing
@testable import PerfdashCore

/// HoltForecaster against statsmodels 0.15 (`Holt` and `ExponentialSmoothing(trend="add", seasonal="add")` with
/// the same fixed parameters and the same initial states; Tests/Fixtures/forecast/generate.py wrote the numbers).
/// statsmodels forecasts h = m, 2m… of Holt-Winters from the seasonal state one season older than the newest (its
/// `_predict` overwrites that slot); there the reference is FPP3's formula, computed by the generator in numpy.
@Suite struct HoltForecasterTests {
    struct Case: Decodable {
        var name: String
        var alpha: Double
        var beta: Double
        var gamma: Double
        var season: Int?
        var series: [Double]
        var forecast: [Double]
        var textbook: [Double]
        var level: Double
        var trend: Double
    }

    struct Fixture: Decodable {
        var statsmodels: String
        var cases: [Case]
    }

    static func cases() throws -> [Case] {
        let data = try Data(contentsOf: TestPaths.fixture("forecast/forecast.json"))
        return try JSONDecoder().decode(Fixture.self, from: data).cases
    }

    @Test func matchesStatsmodels() throws {
        let cases = try Self.cases()
        #expect(cases.count == 5)
        for test in cases {
            var forecaster = HoltForecaster(alpha: test.alpha, beta: test.beta, gamma: test.gamma,
                                            seasonLength: test.season)
            for value in test.series { forecaster.update(value) }
            #expect(abs(try #require(forecaster.level) - test.level) < 1e-9, "\(test.name) level")
            #expect(abs(forecaster.trend - test.trend) < 1e-9, "\(test.name) trend")
            for (index, textbook) in test.textbook.enumerated() {
                let h = index + 1
                let value = try #require(forecaster.forecast(steps: h))
                #expect(abs(value - textbook) < 1e-8 * max(1, abs(textbook)), "\(test.name) h=\(h)")
                if let m = test.season, h % m == 0 { continue }
                let statsmodels = test.forecast[index]
                #expect(abs(value - statsmodels) < 1e-8 * max(1, abs(statsmodels)), "\(test.name) h=\(h)")
            }
        }
    }

    /// The committed numbers are what statsmodels computes here: the generator, run again into a scratch file,
    /// gives the same cases to 1e-12 (statsmodels comes from scripts/install-deps.sh).
    @Test func fixtureIsWhatStatsmodelsComputes() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let output = scratch.file("forecast.json")
        let run = try runProcess(["python3", TestPaths.fixture("forecast/generate.py").path, output.path])
        #expect(run.status == 0, "\(run.stderr)")
        let fresh = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: output)).cases
        let committed = try Self.cases()
        #expect(fresh.map(\.name) == committed.map(\.name))
        for (a, b) in zip(fresh, committed) {
            for (x, y) in zip(a.forecast + a.textbook + a.series, b.forecast + b.textbook + b.series) {
                #expect(abs(x - y) <= 1e-12 * max(1, abs(y)), "\(a.name)")
            }
        }
    }

    /// Nothing before the initial states exist: two samples for Holt, one season for Holt-Winters.
    @Test func warmUp() {
        var holt = HoltForecaster(alpha: 0.5, beta: 0.1)
        holt.update(10)
        #expect(holt.forecast(steps: 1) == nil)
        holt.update(12)
        #expect(holt.forecast(steps: 3) == 18) // level 12, trend 2
        #expect(holt.interval(steps: 3) == nil) // no one-step error yet
        var seasonal = HoltForecaster(alpha: 0.5, beta: 0.1, gamma: 0.1, seasonLength: 4)
        for value in [1.0, 2, 3] { seasonal.update(value) }
        #expect(seasonal.forecast(steps: 1) == nil)
        seasonal.update(6) // mean 3, seasonals −2, −1, 0, 3
        #expect(seasonal.forecast(steps: 1) == 1)
        #expect(seasonal.forecast(steps: 4) == 6)
        #expect(seasonal.forecast(steps: 5) == 1)
    }

    /// The band: σ² is the squared one-step error (one error so far), widened with the horizon as ETS(A,A,N):
    /// σ²[1 + (h − 1)(α² + αβ*h + β*²h(2h − 1)/6)], β* = αβ. Here y = 10, 12, 15: the forecast for 15 was 14,
    /// error 1, so σ² = 1; for h = 3, α = 0.5, β* = 0.05: 1 + 2(0.25 + 0.075 + 0.0025 · 3 · 5 / 6) = 1.6625.
    @Test func predictionInterval() throws {
        var holt = HoltForecaster(alpha: 0.5, beta: 0.1)
        for value in [10.0, 12, 15] { holt.update(value) }
        let center = try #require(holt.forecast(steps: 3))
        let band = try #require(holt.interval(steps: 3))
        let half = 1.96 * 1.6625.squareRoot()
        #expect(abs(band.lowerBound - (center - half)) < 1e-12)
        #expect(abs(band.upperBound - (center + half)) < 1e-12)
    }

    /// Hostile samples are ignored; parameters out of range are clamped.
    @Test func hostileInput() {
        var holt = HoltForecaster(alpha: .nan, beta: 7)
        #expect(holt.alpha > 0 && holt.beta == 1)
        for value in [1.0, .nan, .infinity, 3, -.infinity] { holt.update(value) }
        #expect(holt.count == 2)
        #expect(holt.forecast(steps: Int.max)?.isFinite == true) // level 3 + (2^63 − 1) · 2: large, finite
        #expect(HoltForecaster(alpha: 0.5, beta: 0.1, seasonLength: -3).seasonLength == 2)
    }
}
