import Foundation

/// A small, fast, seedable generator (SplitMix64) so the demo's behaviour is reproducible run to run.
///
/// Distributions are derived here from raw 64-bit draws rather than through the standard library's
/// `random(in:using:)`, whose algorithm is not part of its contract; the same seed gives the same workload.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator; equal seeds give equal sequences.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1) with 53 bits of precision.
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool {
        unit() < p
    }

    /// A uniform integer in 0..<bound.
    public mutating func index(below bound: Int) -> Int {
        Int(unit() * Double(bound))
    }

    /// An exponentially distributed value with the given mean (inter-arrival times, service times).
    public mutating func exponential(mean: Double) -> Double {
        -log(1 - unit()) * mean
    }

    /// A log-normally distributed value with the given median and shape (a latency with a long right tail).
    public mutating func logNormal(median: Double, sigma: Double) -> Double {
        // Box–Muller; 1 - unit() is in (0, 1] so the logarithm is finite.
        let normal = (-2 * log(1 - unit())).squareRoot() * cos(2 * Double.pi * unit())
        return median * exp(sigma * normal)
    }

    /// A derived generator for a sub-component, so adding draws in one part does not shift another's sequence.
    public mutating func fork() -> SeededRandom {
        SeededRandom(seed: next())
    }
}
