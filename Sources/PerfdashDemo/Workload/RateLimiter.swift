/// A token bucket in virtual time: `rate` requests per second on average, up to `burst` at once.
public struct RateLimiter: Sendable {
    /// Tokens added per second.
    public let rate: Double
    /// Bucket size: the most requests admitted back to back.
    public let burst: Double
    private var tokens: Double
    private var last: Duration = .zero

    /// Creates a full bucket.
    public init(rate: Double, burst: Double) {
        precondition(rate > 0 && burst >= 1, "RateLimiter needs a positive rate and a burst of at least 1")
        self.rate = rate
        self.burst = burst
        tokens = burst
    }

    /// Takes a token for a request arriving at `time` (non-decreasing); false means reject it (HTTP 429).
    public mutating func admit(at time: Duration) -> Bool {
        if time > last {
            tokens = min(burst, tokens + (time - last).seconds * rate)
            last = time
        }
        guard tokens >= 1 else { return false }
        tokens -= 1
        return true
    }
}
