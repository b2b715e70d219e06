import Testing
@testable import PerfdashCore

/// The alert state machine against sequences computed by hand (Prometheus semantics: pending → firing after
/// `for`, resolved when the condition stops; plus the recovery level).
@Suite struct AlertStateTests {
    /// Levels of `values` fed at t = 0, 10, 20… through `rule`.
    static func levels(_ rule: AlertRule, _ values: [Double?]) -> [AlertLevel] {
        var state = AlertState()
        return values.enumerated().map { index, value in state.step(rule, value: value, now: Double(index) * 10) }
    }

    /// warning 80, critical 95, for 20 s, recover 70 (so critical drops to warning at 95 − (80 − 70) = 85):
    ///   t=0 50 ok · t=10 85 warning pending since 10 · t=20 90 pending 10 s · t=30 96 warning fires (20 s held),
    ///   critical pending since 30 · t=40 97 critical pending · t=50 90 critical stops holding → inactive ·
    ///   t=60 96 critical pending again · t=70 97 · t=80 98 critical fires (20 s since 60) · t=90 88 > 85 stays
    ///   critical · t=100 84 ≤ 85 eases to warning (84 > 70) · t=110 75 stays warning · t=120 70 ≤ 70 resolves.
    @Test func pendingFiringEscalationHysteresisAndResolution() {
        let rule = AlertRule(name: "cpu", series: "cpu.busy_percent", aggregate: .last, windowSeconds: 0,
                             warning: 80, critical: 95, forSeconds: 20, recover: 70)
        let values: [Double] = [50, 85, 90, 96, 97, 90, 96, 97, 98, 88, 84, 75, 70]
        #expect(Self.levels(rule, values) == [.ok, .ok, .ok, .warning, .warning, .warning, .warning, .warning,
                                              .critical, .critical, .warning, .warning, .ok])
        var state = AlertState()
        for (index, value) in values.prefix(3).enumerated() { state.step(rule, value: value, now: Double(index) * 10) }
        #expect(state.pendingLevel == .warning)
        #expect(state.activeSince == 10)
        #expect(state.warning == .pending(since: 10))
    }

    /// `for = 0` fires at the first evaluation that holds, as Prometheus does; without `recover` the alert
    /// resolves as soon as the value is back at the level (80 is not > 80).
    @Test func forZeroFiresAtOnceAndResolvesAtTheLevel() {
        let rule = AlertRule(name: "x", series: "s", aggregate: .last, windowSeconds: 0, warning: 80, critical: nil)
        #expect(Self.levels(rule, [81, 80, 79, 100]) == [.warning, .ok, .ok, .warning])
    }

    /// A pending condition that stops holding restarts its timer: 85 at t=0 and t=10, 79 at t=20, then 85 from
    /// t=30 fires only at t=50 (for 20 s counted from 30).
    @Test func pendingResetsWhenTheConditionBreaks() {
        let rule = AlertRule(name: "x", series: "s", aggregate: .last, windowSeconds: 0, warning: 80, critical: nil,
                             forSeconds: 20)
        #expect(Self.levels(rule, [85, 85, 79, 85, 85, 85]) == [.ok, .ok, .ok, .ok, .ok, .warning])
    }

    /// Below: warning 20, critical 10, recover 25, for 0; critical eases at 10 + (25 − 20) = 15.
    ///   30 ok · 15 warning · 22 stays (not ≥ 25) · 26 resolves · 5 critical · 12 stays critical (< 15) ·
    ///   16 eases to warning · 30 resolves.
    @Test func belowLevels() {
        let rule = AlertRule(name: "mem-free", series: "memory.available_percent", aggregate: .last, windowSeconds: 0,
                             above: false, warning: 20, critical: 10, recover: 25)
        #expect(Self.levels(rule, [30, 15, 22, 26, 5, 12, 16, 30])
            == [.ok, .warning, .warning, .ok, .critical, .critical, .warning, .ok])
    }

    /// No value (the series vanished or its window emptied) resolves a firing alert, as an empty Prometheus
    /// expression does; NaN counts as no value.
    @Test func missingDataResolves() {
        let rule = AlertRule(name: "x", series: "s", aggregate: .last, windowSeconds: 0, warning: 80, critical: 90)
        #expect(Self.levels(rule, [95, nil, 95, .nan, 85]) == [.critical, .ok, .critical, .ok, .warning])
    }

    /// Only a critical level: recover defaults to it.
    @Test func criticalOnly() {
        let rule = AlertRule(name: "x", series: "s", aggregate: .last, windowSeconds: 0, warning: nil, critical: 90)
        #expect(Self.levels(rule, [91, 90.5, 90, 95]) == [.critical, .critical, .ok, .critical])
        #expect(rule.recoverLevel == 90)
    }
}
