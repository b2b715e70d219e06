/// The type a `# TYPE` line declares for a metric family.
public enum MetricType: String, Sendable, Codable, CaseIterable {
    case counter, gauge, histogram, gaugehistogram, summary, info, stateset
    /// OpenMetrics `unknown`, Prometheus 0.0.4 `untyped`, and families without a TYPE line.
    case unknown

    /// The type named by a TYPE line in the given format, or nil when the word is not one of the format's types.
    init?(word: UnsafeRawBufferPointer, format: ExpositionFormat) {
        let text = String(decoding: word, as: UTF8.self)
        switch (format, text) {
        case (_, "counter"): self = .counter
        case (_, "gauge"): self = .gauge
        case (_, "histogram"): self = .histogram
        case (_, "summary"): self = .summary
        case (.prometheus, "untyped"): self = .unknown
        case (.openMetrics, "unknown"): self = .unknown
        case (.openMetrics, "gaugehistogram"): self = .gaugehistogram
        case (.openMetrics, "info"): self = .info
        case (.openMetrics, "stateset"): self = .stateset
        default: return nil
        }
    }
}

/// What a sample line is within its family, from the suffix of its name (`_bucket`, `_sum`…).
public enum SampleSuffix: String, Sendable, CaseIterable {
    case none = ""
    case total = "_total"
    case created = "_created"
    case bucket = "_bucket"
    case sum = "_sum"
    case count = "_count"
    case gsum = "_gsum"
    case gcount = "_gcount"
    case info = "_info"

    /// Suffixes that can follow a family name, longest first so `_gcount` is tried before `_count`.
    static let candidates: [SampleSuffix] = [.created, .bucket, .gcount, .count, .total, .gsum, .info, .sum]
}
