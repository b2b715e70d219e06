/// The seeds' policy: step up above one threshold, step down below another, then wait out a cooldown.
///
/// With the window aggregate `v`: `v > scaleUpThreshold` → up by `step` (never above max);
/// `v < scaleDownThreshold` → down by `step` (never below min); otherwise none, so a value exactly at a threshold
/// changes nothing. After an up or down, an up waits until `cooldownUpSeconds` and a down until `cooldownDownSeconds`
/// have passed since that change (Kubernetes' old upscale/downscale forbidden windows worked the same way).
public struct ThresholdPolicy: Codable, Sendable, Equatable {
    /// The series whose window aggregate is compared.
    public var metric: MetricInput
    /// Above this (strictly), scale up.
    public var scaleUpThreshold: Double
    /// Below this (strictly), scale down.
    public var scaleDownThreshold: Double
    /// Replicas added or removed per action.
    public var step: Int
    /// Seconds after a change before the next scale-up.
    public var cooldownUpSeconds: Double
    /// Seconds after a change before the next scale-down.
    public var cooldownDownSeconds: Double

    /// Default step: one replica.
    public static let defaultStep = 1
    /// Default cooldown: 60 s.
    public static let defaultCooldownSeconds: Double = 60

    /// Creates the parameters; ``AutoscalerSpec/validate()`` checks them.
    public init(metric: MetricInput, scaleUpThreshold: Double, scaleDownThreshold: Double,
                step: Int = ThresholdPolicy.defaultStep,
                cooldownUpSeconds: Double = ThresholdPolicy.defaultCooldownSeconds,
                cooldownDownSeconds: Double = ThresholdPolicy.defaultCooldownSeconds) {
        self.metric = metric
        self.scaleUpThreshold = scaleUpThreshold
        self.scaleDownThreshold = scaleDownThreshold
        self.step = step
        self.cooldownUpSeconds = cooldownUpSeconds
        self.cooldownDownSeconds = cooldownDownSeconds
    }
}
