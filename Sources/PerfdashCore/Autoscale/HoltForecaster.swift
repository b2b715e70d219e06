/// Holt's linear trend method, or additive Holt-Winters when a season length is given, with fixed smoothing
/// parameters, updated one sample at a time.
///
/// Equations (Hyndman & Athanasopoulos, *Forecasting: Principles and Practice*, §8.2 and §8.3; the same as
/// statsmodels' `Holt` / `ExponentialSmoothing(trend="add", seasonal="add")` with fixed parameters and known
/// initial states):
/// - level  ℓₜ = α (yₜ − sₜ₋ₘ) + (1 − α)(ℓₜ₋₁ + bₜ₋₁)
/// - trend  bₜ = β (ℓₜ − ℓₜ₋₁) + (1 − β) bₜ₋₁
/// - season sₜ = γ (yₜ − ℓₜ₋₁ − bₜ₋₁) + (1 − γ) sₜ₋ₘ   (s ≡ 0 without a season)
/// - forecast ŷₜ₊ₕ = ℓₜ + h bₜ + sₜ₊ₕ₋ₘ₍ₖ₊₁₎, k = ⌊(h − 1)/m⌋.
///
/// Initial states: without a season, ℓ = y₁ and b = y₁ − y₀ after the first two samples; with a season of m
/// samples, ℓ = the mean of the first m samples, b = 0 and sᵢ = yᵢ − ℓ. Until then there is no forecast.
///
/// The band is the 95 % prediction interval of the equivalent state-space model ETS(A,A,N) / ETS(A,A,A)
/// (Hyndman et al. 2008, table 6.1): σ² · [1 + (h − 1)(α² + αβ*h + β*²h(2h − 1)/6) + γ*k(2α + γ* + β*m(k + 1))]
/// with β* = αβ and γ* = γ(1 − α), σ² an exponentially weighted mean of the squared one-step errors (weight
/// `errorWeight`, about the last 50 samples).
public struct HoltForecaster: Sendable, Equatable {
    /// Level smoothing, 0 < α ≤ 1.
    public let alpha: Double
    /// Trend smoothing, 0 ≤ β ≤ 1.
    public let beta: Double
    /// Seasonal smoothing, 0 ≤ γ ≤ 1 (unused without a season).
    public let gamma: Double
    /// Samples per season; nil: Holt's linear trend.
    public let seasonLength: Int?
    /// Weight of the newest squared error in σ².
    public static let errorWeight = 0.02

    /// The level ℓ (nil until initialised).
    public private(set) var level: Double?
    /// The trend b per sample.
    public private(set) var trend: Double = 0
    /// The seasonal states, oldest first (sₜ₋ₘ₊₁ … sₜ); empty without a season.
    public private(set) var seasonals: [Double] = []
    /// Exponentially weighted mean squared one-step error (nil before the first error).
    public private(set) var errorVariance: Double?
    /// Samples seen so far.
    public private(set) var count = 0
    private var warmup: [Double] = []

    /// Creates a forecaster; parameters are clamped into their ranges (validation refuses bad ones earlier).
    public init(alpha: Double, beta: Double, gamma: Double = 0, seasonLength: Int? = nil) {
        self.alpha = Self.clamp(alpha, 1e-6)
        self.beta = Self.clamp(beta, 0)
        self.gamma = Self.clamp(gamma, 0)
        self.seasonLength = seasonLength.map { Swift.max(2, $0) }
    }

    /// Feeds the next sample (non-finite samples are ignored).
    public mutating func update(_ y: Double) {
        guard y.isFinite else { return }
        count += 1
        guard let level else { return initialise(y) }
        let m = seasonals.count
        let season = m > 0 ? seasonals[0] : 0
        let predicted = level + trend + season
        let error = y - predicted
        if error.isFinite {
            errorVariance = errorVariance.map { (1 - Self.errorWeight) * $0 + Self.errorWeight * error * error }
                ?? error * error
        }
        let newLevel = alpha * (y - season) + (1 - alpha) * (level + trend)
        let newTrend = beta * (newLevel - level) + (1 - beta) * trend
        if m > 0 {
            let newSeason = gamma * (y - level - trend) + (1 - gamma) * season
            seasonals.removeFirst()
            seasonals.append(newSeason)
        }
        if newLevel.isFinite, newTrend.isFinite {
            self.level = newLevel
            trend = newTrend
        }
    }

    /// The forecast `steps` samples ahead (at least 1); nil until initialised.
    public func forecast(steps: Int) -> Double? {
        guard let level else { return nil }
        let h = Swift.max(1, steps)
        let value = level + Double(h) * trend + seasonal(ahead: h)
        return value.isFinite ? value : nil
    }

    /// The 95 % prediction interval `steps` ahead; nil until a one-step error is known.
    public func interval(steps: Int) -> ClosedRange<Double>? {
        guard let center = forecast(steps: steps), let variance = errorVariance else { return nil }
        let h = Double(Swift.max(1, steps))
        let b = alpha * beta
        var factor = 1 + (h - 1) * (alpha * alpha + alpha * b * h + b * b * h * (2 * h - 1) / 6)
        if let m = seasonLength {
            let g = gamma * (1 - alpha)
            let k = Double((Swift.max(1, steps) - 1) / m)
            factor += g * k * (2 * alpha + g + b * Double(m) * (k + 1))
        }
        let half = 1.96 * (variance * factor).squareRoot()
        guard half.isFinite else { return nil }
        return (center - half)...(center + half)
    }

    private func seasonal(ahead h: Int) -> Double {
        let m = seasonals.count
        guard m > 0 else { return 0 }
        // sₜ₊ₕ₋ₘ₍ₖ₊₁₎ is the ((h − 1) mod m)-th of the last m seasonal states, oldest first.
        return seasonals[(h - 1) % m]
    }

    private mutating func initialise(_ y: Double) {
        warmup.append(y)
        if let m = seasonLength {
            guard warmup.count == m else { return }
            let mean = warmup.reduce(0, +) / Double(m)
            seasonals = warmup.map { $0 - mean }
            level = mean
            trend = 0
        } else {
            guard warmup.count == 2 else { return }
            level = warmup[1]
            trend = warmup[1] - warmup[0]
        }
        warmup = []
    }

    private static func clamp(_ value: Double, _ low: Double) -> Double {
        value.isFinite ? Swift.min(1, Swift.max(low, value)) : low
    }
}
