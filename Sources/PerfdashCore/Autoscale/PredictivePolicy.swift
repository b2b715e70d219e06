/// The predictive policy: the target (HPA) policy applied to a forecast of each metric `horizonSeconds` ahead,
/// never below what the target policy asks for now.
///
/// Each metric's raw samples feed a ``HoltForecaster`` (Holt's linear trend, or additive Holt-Winters when
/// `seasonSeconds` is set). The value the target math sees is max(window aggregate now, forecast at the horizon):
/// every target type asks for more replicas as its value grows, so this is the larger of the reactive and the
/// predictive proposals. Stabilization, rate limits, tolerance and min/max then apply as for `target`.
public struct PredictivePolicy: Codable, Sendable, Equatable {
    /// The metrics, targets, tolerance and behavior, exactly as for `target`.
    public var target: TargetPolicy
    /// How far ahead the forecast looks, in seconds.
    public var horizonSeconds: Double
    /// Level smoothing α.
    public var alpha: Double
    /// Trend smoothing β.
    public var beta: Double
    /// Seasonal smoothing γ (with a season).
    public var gamma: Double
    /// The season's length in seconds; nil: Holt's linear trend without a season.
    public var seasonSeconds: Double?

    /// Default horizon: 5 minutes, about what a new replica needs to start and warm up.
    public static let defaultHorizonSeconds: Double = 300
    /// Default α: follows the level within a few samples.
    public static let defaultAlpha = 0.5
    /// Default β: a trend must persist over several samples to count, so noise does not make one.
    public static let defaultBeta = 0.1
    /// Default γ.
    public static let defaultGamma = 0.1

    /// Creates the parameters.
    public init(target: TargetPolicy, horizonSeconds: Double = PredictivePolicy.defaultHorizonSeconds,
                alpha: Double = PredictivePolicy.defaultAlpha, beta: Double = PredictivePolicy.defaultBeta,
                gamma: Double = PredictivePolicy.defaultGamma, seasonSeconds: Double? = nil) {
        self.target = target
        self.horizonSeconds = horizonSeconds
        self.alpha = alpha
        self.beta = beta
        self.gamma = gamma
        self.seasonSeconds = seasonSeconds
    }

    /// "Holt α 0.5 β 0.1" or "Holt-Winters α 0.5 β 0.1 γ 0.1 season 1h", with the horizon.
    public var methodSummary: String {
        let plain = MetricUnit.plain
        if let season = seasonSeconds {
            return "Holt-Winters α \(plain(alpha)) β \(plain(beta)) γ \(plain(gamma)) season "
                + "\(MetricUnit.duration(season)), horizon \(MetricUnit.duration(horizonSeconds))"
        }
        return "Holt α \(plain(alpha)) β \(plain(beta)), horizon \(MetricUnit.duration(horizonSeconds))"
    }

    func validate() throws(AutoscaleConfigError) {
        try target.validate()
        func fail(_ key: String, _ message: String) -> AutoscaleConfigError {
            AutoscaleConfigError(keyPath: [.key(key)], message: message)
        }
        if !(horizonSeconds > 0 && horizonSeconds <= 86_400) { throw fail("horizon", "must be more than 0 s and at most 1 day") }
        if !(alpha > 0 && alpha <= 1) { throw fail("alpha", "must be in (0, 1], got \(MetricUnit.plain(alpha))") }
        if !(beta >= 0 && beta <= 1) { throw fail("beta", "must be in [0, 1], got \(MetricUnit.plain(beta))") }
        if !(gamma >= 0 && gamma <= 1) { throw fail("gamma", "must be in [0, 1], got \(MetricUnit.plain(gamma))") }
        if let season = seasonSeconds, !(season > 0 && season <= 7 * 86_400) {
            throw fail("season", "must be more than 0 s and at most 7 days")
        }
    }
}

/// One metric's forecast as the panel and snapshots show it.
public struct MetricForecast: Codable, Sendable, Equatable {
    /// Seconds ahead.
    public var horizonSeconds: Double
    /// The forecast value.
    public var value: Double
    /// The 95 % prediction interval's low end (nil until a one-step error is known).
    public var low: Double?
    /// Its high end.
    public var high: Double?

    /// Creates a forecast.
    public init(horizonSeconds: Double, value: Double, low: Double?, high: Double?) {
        self.horizonSeconds = horizonSeconds
        self.value = value
        self.low = low
        self.high = high
    }
}

/// The forecaster of one series inside an autoscaler: estimates the sampling interval from the samples' times,
/// so the horizon and the season, given in seconds, become a number of samples.
struct SeriesForecast: Sendable {
    let policy: PredictivePolicy
    private var forecaster: HoltForecaster?
    private var first: (time: Double, value: Double)?
    private var lastTime: Double?
    /// Exponentially weighted mean time between samples.
    private(set) var interval: Double?

    init(policy: PredictivePolicy) {
        self.policy = policy
    }

    mutating func add(time: Double, value: Double) {
        guard value.isFinite else { return }
        if let lastTime, time > lastTime {
            let dt = time - lastTime
            interval = interval.map { 0.9 * $0 + 0.1 * dt } ?? dt
        }
        lastTime = time
        if forecaster == nil {
            guard let first, let interval else {
                if self.first == nil { first = (time, value) }
                return
            }
            // The season becomes a whole number of samples once the interval is known.
            let season = policy.seasonSeconds.map { Swift.max(2, Int(Swift.min(($0 / interval).rounded(), 100_000))) }
            var made = HoltForecaster(alpha: policy.alpha, beta: policy.beta, gamma: policy.gamma,
                                      seasonLength: season)
            made.update(first.value)
            forecaster = made
        }
        forecaster?.update(value)
    }

    /// Samples in the horizon: horizon / interval, at least 1.
    var steps: Int? {
        guard let interval, interval > 0 else { return nil }
        return Swift.max(1, Int(Swift.min((policy.horizonSeconds / interval).rounded(), 1_000_000)))
    }

    /// The forecast at the horizon with its band; nil until the forecaster is initialised.
    var forecast: MetricForecast? {
        guard let steps, let value = forecaster?.forecast(steps: steps) else { return nil }
        let band = forecaster?.interval(steps: steps)
        return MetricForecast(horizonSeconds: policy.horizonSeconds, value: value, low: band?.lowerBound,
                              high: band?.upperBound)
    }
}
