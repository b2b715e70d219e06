import Foundation
import Testing
@testable import PerfdashCore

@Suite struct ServiceStatusTests {
    @Test func tracksOutagesWithTheInjectedTime() throws {
        var status = ServiceStatus(name: "api")
        #expect(status.state == .pending)
        let t0 = Date(timeIntervalSince1970: 1_000)
        status.record(ScrapeOutcome(name: "api", result: .success(ServiceSample(seriesCount: 12)),
                                    duration: .milliseconds(15)), at: t0)
        #expect(status.isUp && status.seriesCount == 12 && status.scrapeDurationSeconds == 0.015)

        let refused = SourceError(.refused, "connection refused")
        status.record(ScrapeOutcome(name: "api", result: .failure(refused), duration: .milliseconds(1)),
                      at: t0.addingTimeInterval(1))
        status.record(ScrapeOutcome(name: "api", result: .failure(.timeout(after: .seconds(1))), duration: .seconds(1)),
                      at: t0.addingTimeInterval(3))
        // Down since the first failure (t0 + 1), not the latest one; at t0 + 10 that is 9 s.
        #expect(status.downSince == t0.addingTimeInterval(1))
        #expect(status.downFor(now: t0.addingTimeInterval(10)) == 9)
        #expect(status.lastError == "timeout after 1.0 s" && status.errorKind == .timeout)
        #expect(status.lastSuccess == t0 && status.seriesCount == 12)

        let json = try JSONEncoder().encode(status)
        #expect(try JSONDecoder().decode(ServiceStatus.self, from: json) == status)

        status.record(ScrapeOutcome(name: "api", result: .success(ServiceSample(seriesCount: 3)),
                                    duration: .milliseconds(2)), at: t0.addingTimeInterval(11))
        #expect(status.isUp && status.downSince == nil && status.lastError == nil && status.downFor(now: t0) == nil)
    }

    @Test func boardFoldsARound() {
        var board = ServiceStatusBoard(names: ["api", "cache"])
        let t0 = Date(timeIntervalSince1970: 50)
        board.record([
            ScrapeOutcome(name: "cache", result: .failure(SourceError(.refused, "connection refused")),
                          duration: .milliseconds(1)),
            ScrapeOutcome(name: "api", result: .success(ServiceSample(seriesCount: 4)), duration: .milliseconds(9)),
            ScrapeOutcome(name: "gone", result: .success(ServiceSample()), duration: .zero),
        ], at: t0)
        #expect(board.statuses.map(\.name) == ["api", "cache"])
        #expect(board["api"]?.state == .up && board["api"]?.seriesCount == 4)
        #expect(board["cache"]?.state == .down && board["cache"]?.downSince == t0)
        #expect(board["cache"]?.lastError == "connection refused")
    }

    @Test func ipv6HostHeaderIsBracketed() throws {
        let endpoint = try HTTPEndpoint(parsing: "http://[::1]:9100/metrics?x=1#frag")
        #expect(endpoint == HTTPEndpoint(host: "::1", port: 9100, target: "/metrics?x=1"))
        #expect(endpoint.hostHeader == "[::1]:9100")
        #expect(try HTTPEndpoint(parsing: "localhost").description == "http://localhost/")
    }

    @Test(arguments: [(Duration.seconds(1), "1.0"), (.milliseconds(200), "0.2"), (.milliseconds(1500), "1.5"),
                      (.milliseconds(5), "0.005"), (.seconds(30), "30.0")])
    func deadlineWording(duration: Duration, text: String) {
        #expect(SourceError.timeout(after: duration).message == "timeout after \(text) s")
    }
}
