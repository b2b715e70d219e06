import Foundation
import Testing
import PerfdashTestSupport

/// `perfdash snapshot --format prometheus` passes `promtool check metrics` (Debian's prometheus package) clean:
/// no lint warning, such as a gauge named like a counter.
@Suite struct PromtoolTests {
    @Test(arguments: ["host/ordinary/reading1", "host/container/reading1", "host/cores64/reading1"])
    func snapshotExpositionIsLintClean(fixture: String) throws {
        let root = TestPaths.fixture(fixture).path
        let snapshot = try runPerfdash(["snapshot", "--format", "prometheus", "--interval", "10ms", "--root", root])
        #expect(snapshot.status == 0, "\(snapshot.stderr)")
        #expect(snapshot.stdout.contains("perfdash_tasks "))
        let check = try runProcess(["promtool", "check", "metrics"], stdin: snapshot.stdout,
                                   environment: ["PATH": "/usr/bin:/bin:/usr/local/bin"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.isEmpty && check.stderr.isEmpty, "\(check.stdout)\(check.stderr)")
    }
}
