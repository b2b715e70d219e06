/// The memory Kubernetes' HPA controller keeps per autoscaler: recent unstabilized recommendations and scale events.
///
/// A port of `stabilizeRecommendationWithBehaviors`, `storeScaleEvent`, `convertDesiredReplicasWithBehaviorRate`,
/// `calculateScaleUpLimitWithScalingRules` and `calculateScaleDownLimitWithBehaviors` from
/// kubernetes/pkg/controller/podautoscaler/horizontal.go, with `time.Now()` replaced by the injected `now`.
/// Comparisons keep Go's `After`/`Before`: strictly later / earlier than the cutoff.
public struct HPAHistory: Codable, Sendable, Equatable {
    /// An unstabilized recommendation and when it was made.
    public struct TimedRecommendation: Codable, Sendable, Equatable {
        /// The replica count recommended.
        public var replicas: Int
        /// When, in seconds.
        public var time: Double

        /// Creates a record.
        public init(replicas: Int, time: Double) {
            self.replicas = replicas
            self.time = time
        }
    }

    /// A change of the replica count (always positive; up and down are kept apart).
    public struct ScaleEvent: Codable, Sendable, Equatable {
        /// Replicas added (up list) or removed (down list).
        public var change: Int
        /// When, in seconds.
        public var time: Double
        /// Older than the longest policy period at the last store: its slot may be reused.
        public var outdated: Bool

        /// Creates an event.
        public init(change: Int, time: Double, outdated: Bool = false) {
            self.change = change
            self.time = time
            self.outdated = outdated
        }
    }

    /// Recent unstabilized recommendations.
    public var recommendations: [TimedRecommendation] = []
    /// Recent scale-ups.
    public var scaleUpEvents: [ScaleEvent] = []
    /// Recent scale-downs.
    public var scaleDownEvents: [ScaleEvent] = []

    /// Creates a history, empty by default.
    public init(recommendations: [TimedRecommendation] = [], scaleUpEvents: [ScaleEvent] = [],
                scaleDownEvents: [ScaleEvent] = []) {
        self.recommendations = recommendations
        self.scaleUpEvents = scaleUpEvents
        self.scaleDownEvents = scaleDownEvents
    }

    /// The result of stabilization: the count and, when it differs from the desired one, why and for how long.
    public struct Stabilized: Sendable, Equatable {
        /// The stabilized count.
        public var replicas: Int
        /// Set when the window changed the desired count.
        public var rule: DecisionRule?
        /// Seconds until the records that hold the count leave the window.
        public var secondsLeft: Double?
    }

    /// `stabilizeRecommendationWithBehaviors`: bound the desired count by the lowest recommendation within the
    /// scale-up window and the highest within the scale-down window, then record the desired count.
    public mutating func stabilize(desired: Int, current: Int, now: Double, behavior: HPABehavior) -> Stabilized {
        let upWindow = Double(behavior.scaleUp.stabilizationWindowSeconds)
        let downWindow = Double(behavior.scaleDown.stabilizationWindowSeconds)
        let upCutoff = now - upWindow
        let downCutoff = now - downWindow
        var upRecommendation = desired
        var downRecommendation = desired
        var oldIndex: Int?
        for (index, record) in recommendations.enumerated() {
            if record.time > upCutoff { upRecommendation = Swift.min(record.replicas, upRecommendation) }
            if record.time > downCutoff { downRecommendation = Swift.max(record.replicas, downRecommendation) }
            if record.time < upCutoff, record.time < downCutoff { oldIndex = index }
        }
        var result = current
        if result < upRecommendation { result = upRecommendation }
        if result > downRecommendation { result = downRecommendation }

        var stabilized = Stabilized(replicas: result)
        if result < desired {
            stabilized.rule = .scaleUpStabilized
            stabilized.secondsLeft = latestTime(window: upCutoff) { $0 < desired }.map { $0 + upWindow - now }
        } else if result > desired {
            stabilized.rule = .scaleDownStabilized
            stabilized.secondsLeft = latestTime(window: downCutoff) { $0 > desired }.map { $0 + downWindow - now }
        }

        let record = TimedRecommendation(replicas: desired, time: now)
        if let oldIndex { recommendations[oldIndex] = record } else { recommendations.append(record) }
        return stabilized
    }

    private func latestTime(window cutoff: Double, where holds: (Int) -> Bool) -> Double? {
        recommendations.filter { $0.time > cutoff && holds($0.replicas) }.map(\.time).max()
    }

    /// The result of the rate limits: the count and the Kubernetes condition reason.
    public struct Limited: Sendable, Equatable {
        /// The allowed count.
        public var replicas: Int
        /// `DesiredWithinRange`, `ScaleUpLimit`, `TooManyReplicas`, `ScaleDownLimit` or `TooFewReplicas`.
        public var rule: DecisionRule
    }

    /// `convertDesiredReplicasWithBehaviorRate`: limit the change by the policies over their periods, then min/max.
    public func limitRate(desired: Int, current: Int, minReplicas: Int, maxReplicas: Int,
                          behavior: HPABehavior, now: Double) -> Limited {
        if desired > current {
            var scaleUpLimit = scaleUpLimit(current: current, rules: behavior.scaleUp, now: now)
            // Until old scale-ups leave their periods, do not go further up (and never down on the way up).
            if scaleUpLimit < current { scaleUpLimit = current }
            let (maximumAllowed, reason): (Int, DecisionRule) =
                maxReplicas > scaleUpLimit ? (scaleUpLimit, .scaleUpLimit) : (maxReplicas, .tooManyReplicas)
            if desired > maximumAllowed { return Limited(replicas: maximumAllowed, rule: reason) }
        } else if desired < current {
            var scaleDownLimit = scaleDownLimit(current: current, rules: behavior.scaleDown, now: now)
            if scaleDownLimit > current { scaleDownLimit = current }
            let (minimumAllowed, reason): (Int, DecisionRule) =
                minReplicas < scaleDownLimit ? (scaleDownLimit, .scaleDownLimit) : (minReplicas, .tooFewReplicas)
            if desired < minimumAllowed { return Limited(replicas: minimumAllowed, rule: reason) }
        }
        return Limited(replicas: desired, rule: .desiredWithinRange)
    }

    /// `calculateScaleUpLimitWithScalingRules`: the highest count the scale-up policies allow now.
    public func scaleUpLimit(current: Int, rules: ScalingRules, now: Double) -> Int {
        let select: (Int, Int) -> Int
        var result: Int
        switch rules.selectPolicy {
        case .disabled: return current
        case .min: (select, result) = (Swift.min, Int(Int32.max))
        case .max: (select, result) = (Swift.max, Int(Int32.min))
        }
        for policy in rules.policies {
            let periodStart = periodStartReplicas(current: current, period: policy.periodSeconds, now: now)
            let proposed = switch policy.type {
            case .pods: periodStart.addingSaturating(policy.value)
            // Rounded up so that a small percentage of a small count still allows one more replica.
            case .percent: Self.int((Double(periodStart) * (1 + Double(policy.value) / 100)).rounded(.up))
            }
            result = select(result, proposed)
        }
        return result
    }

    /// `calculateScaleDownLimitWithBehaviors`: the lowest count the scale-down policies allow now.
    public func scaleDownLimit(current: Int, rules: ScalingRules, now: Double) -> Int {
        let select: (Int, Int) -> Int
        var result: Int
        switch rules.selectPolicy {
        case .disabled: return current
        case .min: (select, result) = (Swift.max, Int(Int32.min))
        case .max: (select, result) = (Swift.min, Int(Int32.max))
        }
        for policy in rules.policies {
            let periodStart = periodStartReplicas(current: current, period: policy.periodSeconds, now: now)
            let proposed = switch policy.type {
            case .pods: periodStart.subtractingSaturating(policy.value)
            // Go's int32(float64) truncates toward zero.
            case .percent: Self.int((Double(periodStart) * (1 - Double(policy.value) / 100)).rounded(.towardZero))
            }
            result = select(result, proposed)
        }
        return result
    }

    /// The count at the start of the period: current minus what was added, plus what was removed, within it.
    private func periodStartReplicas(current: Int, period: Int, now: Double) -> Int {
        let added = Self.changeWithin(period: period, events: scaleUpEvents, now: now)
        let removed = Self.changeWithin(period: period, events: scaleDownEvents, now: now)
        return current.subtractingSaturating(added).addingSaturating(removed)
    }

    /// `getReplicasChangePerPeriod`: the sum of the changes strictly after `now − period`.
    public static func changeWithin(period: Int, events: [ScaleEvent], now: Double) -> Int {
        let cutoff = now - Double(period)
        return events.lazy.filter { $0.time > cutoff }.map(\.change).saturatingSum()
    }

    /// `storeScaleEvent`: record a change, reusing the slot of an event older than the direction's longest period.
    public mutating func storeScaleEvent(from previous: Int, to new: Int, behavior: HPABehavior, now: Double) {
        if new > previous {
            Self.store(change: new.subtractingSaturating(previous), in: &scaleUpEvents, longestPeriod: behavior.scaleUp.longestPeriodSeconds,
                       now: now)
        } else {
            Self.store(change: previous.subtractingSaturating(new), in: &scaleDownEvents,
                       longestPeriod: behavior.scaleDown.longestPeriodSeconds, now: now)
        }
    }

    private static func store(change: Int, in events: inout [ScaleEvent], longestPeriod: Int, now: Double) {
        let cutoff = now - Double(longestPeriod)
        for index in events.indices where events[index].time < cutoff { events[index].outdated = true }
        let event = ScaleEvent(change: change, time: now)
        if let reusable = events.lastIndex(where: \.outdated) { events[reusable] = event } else { events.append(event) }
    }

    /// Double → Int the way Go's int32 conversion would see sane values, without trapping on huge ones.
    static func int(_ value: Double) -> Int {
        guard value.isFinite else { return value > 0 ? Int(Int32.max) : Int(Int32.min) }
        return Int(Swift.max(Swift.min(value, Double(Int32.max)), Double(Int32.min)))
    }
}
