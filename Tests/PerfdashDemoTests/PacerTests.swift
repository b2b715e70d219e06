@testable import PerfdashDemo
import Testing

@Suite struct PacerTests {
    @Test func followsTheWallClockWhileKeepingUp() {
        var pacer = Pacer(maximumLag: .seconds(2))
        #expect(pacer.target(elapsed: .milliseconds(100), reached: .zero) == .milliseconds(100))
        #expect(pacer.target(elapsed: .seconds(2), reached: .milliseconds(100)) == .seconds(2))
        // Exactly the maximum lag is still replayed in full.
        #expect(pacer.target(elapsed: .seconds(4), reached: .seconds(2)) == .seconds(4))
        #expect(pacer.skipped == .zero)
    }

    @Test func aStallIsSkippedNotReplayed() {
        var pacer = Pacer(maximumLag: .seconds(2))
        // 10 s on the wall clock, 1 s reached: run to 1 + 2 = 3 s and give up 10 − 1 − 2 = 7 s.
        #expect(pacer.target(elapsed: .seconds(10), reached: .seconds(1)) == .seconds(3))
        #expect(pacer.skipped == .seconds(7))
        // From then on virtual time trails the wall clock by the 7 s given up.
        #expect(pacer.target(elapsed: .milliseconds(10_100), reached: .seconds(3)) == .milliseconds(3_100))
    }
}
