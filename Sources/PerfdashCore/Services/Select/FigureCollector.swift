/// Reads every candidate selector (configured overrides and every preset's) in one pass over a scrape, then
/// resolves each figure to one source: the configured selectors when there are any, else the most specific
/// preset that matched a series.
///
/// Names are classified once per distinct symbol; label matchers run per matching sample. Each candidate keeps
/// its own totals so resolution can pick after the pass, without a second parse.
struct FigureCollector {
    struct Candidate {
        let figure: ServiceFigure
        /// `config` or the preset's name.
        let source: String
        /// 0 for configured selectors, then presets in catalogue order.
        let priority: Int
        let selector: FigureSelector
    }

    enum Part { case value, bucket, sum, count, quantile }

    /// A candidate's totals per part name.
    struct Totals {
        var matched = false
        var values: [String: Double] = [:]
        var distributions: [String: LatencyAccumulator] = [:]
    }

    /// What resolution found for one figure.
    struct Resolved {
        var source: String
        var selectors: [FigureSelector]
        var values: [String: Double] = [:]
        var distributions: [String: LatencyDistribution] = [:]
    }

    private let candidates: [Candidate]
    private let signatures: [String: [String]]
    private let presetOrder: [String]
    private let configuredBy: Set<FigureGroup>
    private var byName: [[(Int, Part)]?] = []
    private var totals: [Totals]
    private var detected: Set<String> = []
    private var matcherSymbols: [[Symbol]] = []
    private var bySymbols: [[Symbol]] = []
    private var statusSymbols: [Symbol] = []
    private var outcomeSymbol = Symbol(0)
    private var leSymbol = Symbol(0)
    private var quantileSymbol = Symbol(0)

    init(selectors: ServiceSelectors) {
        var candidates: [Candidate] = []
        let presets: [ServicePreset]
        switch selectors.preset {
        case .auto: presets = ServicePreset.all
        case .named(let name): presets = ServicePreset.named(name).map { [$0] } ?? []
        case .none: presets = []
        }
        for figure in ServiceFigure.allCases {
            let by = selectors.by[figure.group]
            if let configured = selectors.overrides[figure] {
                for selector in configured {
                    candidates.append(Candidate(figure: figure, source: "config", priority: 0, selector: FigureSelector(
                        selector, by: by ?? figure.group.defaultLabels, serverErrorsOnly: false)))
                }
                continue
            }
            for (index, preset) in presets.enumerated() {
                for var selector in preset.figures[figure] ?? [] {
                    if let by { selector.by = by }
                    candidates.append(Candidate(figure: figure, source: preset.name, priority: index + 1,
                                                selector: selector))
                }
            }
            // Configured requests without configured errors: errors are the 5xx of the same series.
            if figure == .errors, selectors.overrides[.errors] == nil, let requests = selectors.overrides[.requests] {
                candidates.removeAll { $0.figure == .errors }
                for selector in requests {
                    let errors = FigureSelector(selector, by: by ?? FigureGroup.route.defaultLabels,
                                                serverErrorsOnly: true)
                    candidates.append(Candidate(figure: .errors, source: "config", priority: 0, selector: errors))
                }
            }
        }
        self.candidates = candidates
        totals = Array(repeating: Totals(), count: candidates.count)
        var signatures: [String: [String]] = [:]
        for preset in presets {
            for name in preset.signature { signatures[name, default: []].append(preset.name) }
        }
        self.signatures = signatures
        presetOrder = presets.map(\.name)
        configuredBy = Set(selectors.by.keys)
    }

    /// Whether there is anything to look for.
    var isEmpty: Bool { candidates.isEmpty }

    mutating func prepare(symbols: inout SymbolTable) {
        matcherSymbols = candidates.map { $0.selector.selector.matchers.map { symbols.intern($0.label) } }
        // A preset's own labels first, then the group's usual ones (a generic `http_requests_total` may name its
        // routes `route` or `path`); configured labels are used alone.
        bySymbols = candidates.map { candidate in
            var labels = candidate.selector.by
            if !configuredBy.contains(candidate.figure.group) {
                labels += candidate.figure.group.defaultLabels.filter { !labels.contains($0) }
            }
            return labels.map { symbols.intern($0) }
        }
        statusSymbols = FigureSelector.statusLabels.map { symbols.intern($0) }
        outcomeSymbol = symbols.intern("outcome")
        leSymbol = symbols.intern("le")
        quantileSymbol = symbols.intern("quantile")
    }

    mutating func visit(_ sample: ExpositionSample, symbols: SymbolTable) {
        let id = Int(sample.name.id)
        if id >= byName.count { byName.append(contentsOf: repeatElement(nil, count: id + 1 - byName.count)) }
        let matches: [(Int, Part)]
        if let known = byName[id] {
            matches = known
        } else {
            matches = classify(symbols[sample.name])
            byName[id] = matches
        }
        for (index, part) in matches where selects(index, sample.labels) {
            // A figure that only counts 5xx is known (0) while the series exist, even before the first error.
            totals[index].matched = true
            guard !candidates[index].selector.serverErrorsOnly || isServerError(sample.labels) else { continue }
            let key = partName(index, sample.labels)
            switch part {
            case .value:
                totals[index].values[key, default: 0] += sample.value
            case .bucket:
                guard let at = sample.labels.index(of: leSymbol), let bound = sample.labels.numericValue(at: at) else {
                    continue
                }
                totals[index].distributions[key, default: LatencyAccumulator(name: key)].add(bucket: bound,
                                                                                             count: sample.value)
            case .sum:
                totals[index].distributions[key, default: LatencyAccumulator(name: key)].sum += sample.value
                totals[index].distributions[key]?.hasTotals = true
            case .count:
                totals[index].distributions[key, default: LatencyAccumulator(name: key)].count += sample.value
                totals[index].distributions[key]?.hasTotals = true
            case .quantile:
                guard let at = sample.labels.index(of: quantileSymbol),
                      let q = sample.labels.numericValue(at: at) else { continue }
                var accumulator = totals[index].distributions[key] ?? LatencyAccumulator(name: key)
                accumulator.quantiles[q] = max(accumulator.quantiles[q] ?? -.infinity, sample.value)
                totals[index].distributions[key] = accumulator
            }
        }
    }

    private mutating func classify(_ name: String) -> [(Int, Part)] {
        if let presets = signatures[name] { detected.formUnion(presets) }
        var found: [(Int, Part)] = []
        for (index, candidate) in candidates.enumerated() {
            let selector = candidate.selector.selector
            if !candidate.figure.isDistribution {
                if selector.selectsName(name) { found.append((index, .value)) }
                continue
            }
            if selector.selectsName(name) {
                found.append((index, .quantile))
                continue
            }
            for (suffix, part) in [("_bucket", Part.bucket), ("_sum", .sum), ("_count", .count)]
            where name.hasSuffix(suffix) && selector.selectsName(String(name.dropLast(suffix.count))) {
                found.append((index, part))
            }
        }
        return found
    }

    private func selects(_ index: Int, _ labels: ExpositionLabels) -> Bool {
        for (matcher, symbol) in zip(candidates[index].selector.selector.matchers, matcherSymbols[index])
        where !matcher.matches(labels.value(of: symbol) ?? "") {
            return false
        }
        return true
    }

    /// The first status label present starts with 5, or Micrometer's outcome says so.
    private func isServerError(_ labels: ExpositionLabels) -> Bool {
        for symbol in statusSymbols {
            if let at = labels.index(of: symbol) {
                return labels.valueBytes(at: at).first == UInt8(ascii: "5")
            }
        }
        return labels.value(of: outcomeSymbol) == "SERVER_ERROR"
    }

    private func partName(_ index: Int, _ labels: ExpositionLabels) -> String {
        for symbol in bySymbols[index] {
            if let value = labels.value(of: symbol) { return value }
        }
        return candidates[index].selector.fallback
    }

    /// Presets whose signature series were seen, in catalogue order.
    var detectedPresets: [String] {
        presetOrder.filter { detected.contains($0) }
    }

    /// Each figure's chosen source and totals; figures nothing matched are absent (configured ones that matched
    /// nothing are present and empty, so a typo shows as no data rather than as a preset's numbers). Presets the
    /// service was recognised as come before the others, so a Node service's `http_request_duration_seconds` is
    /// read with prom-client's labels rather than client_golang's.
    func resolve() -> [ServiceFigure: Resolved] {
        var result: [ServiceFigure: Resolved] = [:]
        func rank(_ index: Int) -> Int {
            let candidate = candidates[index]
            return candidate.priority == 0 || detected.contains(candidate.source)
                ? candidate.priority : candidate.priority + 1000
        }
        for figure in ServiceFigure.allCases {
            let indices = candidates.indices.filter { candidates[$0].figure == figure }
            let configured = indices.filter { candidates[$0].priority == 0 }
            let chosen: [Int]
            if !configured.isEmpty {
                chosen = configured
            } else if let best = indices.filter({ totals[$0].matched }).min(by: { rank($0) < rank($1) }) {
                chosen = indices.filter { candidates[$0].priority == candidates[best].priority }
            } else {
                continue
            }
            var resolved = Resolved(source: candidates[chosen[0]].source,
                                    selectors: chosen.map { candidates[$0].selector })
            var accumulators: [String: LatencyAccumulator] = [:]
            for index in chosen {
                for (key, value) in totals[index].values { resolved.values[key, default: 0] += value }
                for (key, accumulator) in totals[index].distributions {
                    accumulators[key] = accumulators[key].map { $0.merged(with: accumulator) } ?? accumulator
                }
            }
            resolved.distributions = accumulators.compactMapValues(\.distribution)
            result[figure] = resolved
        }
        return result
    }
}
