/// Maps parsed lines onto a `ServiceSample` as they stream by, using the service's metric names.
///
/// Cache counters are summed per value of the first cache label present (`level`, then `cache`), queue gauges per
/// `queue` value, histogram buckets per family and `le` across all other labels (as `sum by (le)` would).
/// Summaries cannot be summed: for each quantile the highest value across series is kept. NaN samples are
/// skipped so one broken series does not poison a total. Names are classified once per distinct symbol.
struct ServiceSampleBuilder: ExpositionVisitor {
    /// The key used for caches and queues whose series lack the splitting label.
    static let defaultKey = "default"

    let names: ServiceMetricNames
    private(set) var seriesCount = 0

    private enum Role {
        case ignore, hits, misses, evictions, queue
        case bucket(Int), sum(Int), count(Int), quantile(Int)
    }

    private var roles: [Role?] = []
    private var cacheLabels: [Symbol] = []
    private var queueLabel = Symbol(0)
    private var le = Symbol(0)
    private var quantileLabel = Symbol(0)

    private var cacheKeys = KeyTable()
    private var cacheTotals: [CacheTotals] = []
    private var queueKeys = KeyTable()
    private var queueTotals: [Double] = []
    private var latencies: [LatencyAccumulator] = []
    private var latencyIndex: [String: Int] = [:]
    private var figures: FigureCollector
    private var backendDown: [String] = []

    private struct CacheTotals {
        var hits = 0.0
        var misses = 0.0
        var evictions: Double?
    }

    init(names: ServiceMetricNames) {
        self.names = names
        figures = FigureCollector(selectors: names.selectors)
    }

    mutating func prepare(symbols: inout SymbolTable) {
        cacheLabels = names.cacheLabels.map { symbols.intern($0) }
        queueLabel = symbols.intern(names.queueLabel)
        le = symbols.intern("le")
        quantileLabel = symbols.intern("quantile")
        figures.prepare(symbols: &symbols)
    }

    mutating func visitSample(_ sample: ExpositionSample, symbols: SymbolTable) {
        seriesCount += 1
        guard !sample.value.isNaN else { return }
        if !figures.isEmpty { figures.visit(sample, symbols: symbols) }
        let id = Int(sample.name.id)
        if id >= roles.count { roles.append(contentsOf: repeatElement(nil, count: id + 1 - roles.count)) }
        if sample.labels.count == 0, sample.value == 0, backendDown.count < ServiceSample.backendDownLimit {
            let name = symbols[sample.name]
            if name.hasSuffix("_up"), name.count > 3, !backendDown.contains(name) { backendDown.append(name) }
        }
        let role: Role
        if let known = roles[id] {
            role = known
        } else {
            role = classify(symbols[sample.name], type: sample.type)
            roles[id] = role
        }
        switch role {
        case .ignore:
            return
        case .hits:
            cacheTotals[cacheIndex(sample.labels)].hits += sample.value
        case .misses:
            cacheTotals[cacheIndex(sample.labels)].misses += sample.value
        case .evictions:
            let index = cacheIndex(sample.labels)
            cacheTotals[index].evictions = (cacheTotals[index].evictions ?? 0) + sample.value
        case .queue:
            let at = sample.labels.index(of: queueLabel)
            let index = at.map { queueKeys.index(for: sample.labels.valueBytes(at: $0)) }
                ?? queueKeys.index(for: Self.defaultKey)
            if index == queueTotals.count { queueTotals.append(0) }
            queueTotals[index] += sample.value
        case .bucket(let family):
            guard let at = sample.labels.index(of: le), let bound = sample.labels.numericValue(at: at) else { return }
            latencies[family].add(bucket: bound, count: sample.value)
        case .sum(let family):
            latencies[family].sum += sample.value
            latencies[family].hasTotals = true
        case .count(let family):
            latencies[family].count += sample.value
            latencies[family].hasTotals = true
        case .quantile(let family):
            guard let at = sample.labels.index(of: quantileLabel), let q = sample.labels.numericValue(at: at) else {
                return
            }
            latencies[family].quantiles[q] = max(latencies[family].quantiles[q] ?? -.infinity, sample.value)
        }
    }

    /// The sample built so far.
    var sample: ServiceSample {
        var caches: [String: CacheCounters] = [:]
        for (index, key) in cacheKeys.keys.enumerated() {
            let totals = cacheTotals[index]
            caches[key] = CacheCounters(hits: totals.hits, misses: totals.misses, evictions: totals.evictions)
        }
        var queues: [String: Double] = [:]
        for (index, key) in queueKeys.keys.enumerated() { queues[key] = queueTotals[index] }
        var distributions: [String: LatencyDistribution] = [:]
        for latency in latencies {
            if let distribution = latency.distribution { distributions[latency.name] = distribution }
        }
        var sample = ServiceSample(seriesCount: seriesCount, caches: caches, queues: queues, latencies: distributions)
        FigureMapping.apply(figures.resolve(), detected: figures.detectedPresets, to: &sample)
        sample.backendDown = backendDown
        return sample
    }

    private mutating func cacheIndex(_ labels: ExpositionLabels) -> Int {
        var index: Int?
        for label in cacheLabels {
            if let at = labels.index(of: label) {
                index = cacheKeys.index(for: labels.valueBytes(at: at))
                break
            }
        }
        let resolved = index ?? cacheKeys.index(for: Self.defaultKey)
        if resolved == cacheTotals.count { cacheTotals.append(CacheTotals()) }
        return resolved
    }

    private mutating func classify(_ name: String, type: MetricType) -> Role {
        if MetricNameMatch.matches(name, names.cacheHits) { return .hits }
        if MetricNameMatch.matches(name, names.cacheMisses) { return .misses }
        if MetricNameMatch.matches(name, names.cacheEvictions) { return .evictions }
        if names.queueDepth.contains(where: { MetricNameMatch.matches(name, $0) }) { return .queue }
        guard [.histogram, .gaugehistogram, .summary, .unknown].contains(type) else { return .ignore }
        for (suffix, role) in [("_bucket", Role.bucket), ("_sum", Role.sum), ("_count", Role.count),
                               ("_gsum", Role.sum), ("_gcount", Role.count)] where name.hasSuffix(suffix) {
            let base = String(name.dropLast(suffix.count))
            if MetricNameMatch.matches(base, names.latency) { return role(latencyFamily(base)) }
        }
        if MetricNameMatch.matches(name, names.latency) { return .quantile(latencyFamily(name)) }
        return .ignore
    }

    private mutating func latencyFamily(_ base: String) -> Int {
        if let index = latencyIndex[base] { return index }
        latencies.append(LatencyAccumulator(name: base))
        latencyIndex[base] = latencies.count - 1
        return latencies.count - 1
    }
}

/// How a configured metric name matches a series name.
enum MetricNameMatch {
    /// True when `name` is `pattern`, or ends with it at a `_` boundary (`app_cache_hits_total` matches
    /// `cache_hits_total`; `mycache_hits_total` does not). Patterns that start with `_` match any ending.
    /// node_exporter's namespace describes the host, never a service's caches or queues: `node_…` names match only
    /// in full (its `node_network_transmit_queue_length` is a network card's queue, not a job queue). So do a
    /// runtime's own series (`go_gc_duration_seconds` is a garbage collector's pauses) and an exporter's account of
    /// its own scrape (`redis_exporter_scrape_duration_seconds`, `pg_scrape_collector_duration_seconds`).
    static func matches(_ name: String, _ pattern: String) -> Bool {
        guard !pattern.isEmpty, name.hasSuffix(pattern) else { return false }
        if name.count == pattern.count { return true }
        if isAboutTheHostOrTheExporter(name) { return false }
        return pattern.hasPrefix("_") || name.dropLast(pattern.count).hasSuffix("_")
    }

    /// Namespaces of the host, of language runtimes and of Prometheus' own handler, and exporters' self-reports.
    static func isAboutTheHostOrTheExporter(_ name: String) -> Bool {
        let namespaces = ["node_", "go_", "process_", "promhttp_", "python_gc_", "jvm_", "nodejs_"]
        if namespaces.contains(where: { name.hasPrefix($0) }) { return true }
        return name.contains("_exporter_") || name.hasSuffix("scrape_duration_seconds")
            || name.hasSuffix("collector_duration_seconds")
    }
}
