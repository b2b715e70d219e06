import Foundation

/// Draws key ranks 0..<count with Zipf popularity: rank r is chosen with probability ∝ 1 / (r + 1)^exponent.
///
/// Real cache traffic is skewed like this; it is what lets a small L1 reach a high hit rate.
public struct ZipfSampler: Sendable {
    /// Cumulative probabilities; `cumulative[r]` = P(rank ≤ r), the last one exactly 1.
    private let cumulative: [Double]

    /// Precomputes the distribution for `count` ranks (O(count) once, then O(log count) per draw).
    public init(count: Int, exponent: Double) {
        precondition(count >= 1, "ZipfSampler needs at least one rank")
        var weights = (0..<count).map { 1 / pow(Double($0 + 1), exponent) }
        let total = weights.reduce(0, +)
        var running = 0.0
        for index in weights.indices {
            running += weights[index] / total
            weights[index] = running
        }
        weights[count - 1] = 1
        cumulative = weights
    }

    /// Number of ranks.
    public var count: Int { cumulative.count }

    /// The rank whose cumulative probability first exceeds `u` (u in [0, 1)).
    public func rank(for u: Double) -> Int {
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] > u { high = mid } else { low = mid + 1 }
        }
        return low
    }

    /// Draws one rank.
    public func sample(using random: inout SeededRandom) -> Int {
        rank(for: random.unit())
    }
}
