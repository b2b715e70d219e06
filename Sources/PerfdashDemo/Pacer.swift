/// Maps wall-clock time since start to the virtual instant the workload should run up to.
///
/// Normally the two are equal. After a stall (a suspended process, a slow Redis) the workload does not replay the
/// whole gap in one burst of CPU: virtual time falls behind by the excess instead, so one catch-up never covers
/// more than `maximumLag` of traffic.
struct Pacer: Sendable, Equatable {
    /// The most virtual time one tick may cover.
    let maximumLag: Duration
    /// Wall-clock time given up to stalls so far.
    private(set) var skipped: Duration = .zero

    init(maximumLag: Duration = .seconds(2)) {
        self.maximumLag = maximumLag
    }

    /// The instant to run to, given the wall-clock time since start and the virtual time already reached.
    mutating func target(elapsed: Duration, reached: Duration) -> Duration {
        let target = elapsed - skipped
        guard target - reached > maximumLag else { return target }
        skipped += target - reached - maximumLag
        return reached + maximumLag
    }
}
