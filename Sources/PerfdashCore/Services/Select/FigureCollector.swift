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

    /// A candidate's totals per part, in slots so a run of samples of one part costs no hashing.
    struct Totals {
        var matched = false
        var names: [String] = []
        var slots: [String: Int] = [:]
        var values: [Double] = []
        var distributions: [LatencyAccumulator] = []

        /// The slot of part `name`, created empty when new.
        mutating func slot(_ name: String) -> Int {
            if let slot = slots[name] { return slot }
            slots[name] = names.count
            names.append(name)
            values.append(0)
            distributions.append(LatencyAccumulator(name: name))
            return names.count - 1
        }
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
    private var matcherMemos: [[LabelValueMemo<Bool>]] = []
    private var keyMemos: [LabelValueMemo<PartMemo>] = []
    private var qualifierSymbols: [Symbol?] = []
    private var bySymbols: [[Symbol]] = []
    private var statusSymbols: [Symbol] = []
    private var outcomeSymbol = Symbol(0)
    private var leSymbol = Symbol(0)
    private var quantileSymbol = Symbol(0)
    /// Each candidate's decision for the labels of the current run (see `LabelRunMemo`).
    private var runs = LabelRunMemo(ignoring: [])
    private var decisions: [Decision] = []

    /// Whether a candidate counts a sample, and where: it depends on the sample's labels only.
    struct Decision {
        var generation: UInt64 = 0
        /// The candidate's series exist (for a 5xx-only figure: series that say how requests ended).
        var matched = false
        var counts = false
        var slot = 0
    }

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
        matcherMemos = candidates.map { Array(repeating: LabelValueMemo(), count: $0.selector.selector.matchers.count) }
        keyMemos = Array(repeating: LabelValueMemo(), count: candidates.count)
        qualifierSymbols = candidates.map { $0.selector.qualifier.map { symbols.intern($0) } }
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
        // A selector may name `le` or `quantile` itself (a configured `{le="0.5"}`): then no label is left out.
        let read = Set(matcherSymbols.joined()).union(bySymbols.joined()).union(qualifierSymbols.compactMap { $0 })
        runs = LabelRunMemo(ignoring: read.contains(leSymbol) || read.contains(quantileSymbol)
                                ? [] : [leSymbol, quantileSymbol])
        decisions = Array(repeating: Decision(), count: candidates.count)
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
        guard !matches.isEmpty else { return }
        runs.observe(sample.labels)
        // The bucket's bound, parsed once for every candidate that counts it.
        var bound: Double?? = nil
        for (index, part) in matches {
            if decisions[index].generation != runs.generation { decisions[index] = decide(index, sample.labels) }
            let decision = decisions[index]
            if decision.matched { totals[index].matched = true }
            guard decision.counts else { continue }
            let slot = decision.slot
            switch part {
            case .value:
                totals[index].values[slot] += sample.value
            case .bucket:
                if bound == nil { bound = .some(sample.labels.index(of: leSymbol).flatMap(sample.labels.numericValue)) }
                guard let upper = bound ?? nil else { continue }
                totals[index].distributions[slot].add(bucket: upper, count: sample.value)
            case .sum:
                totals[index].distributions[slot].sum += sample.value
                totals[index].distributions[slot].hasTotals = true
            case .count:
                totals[index].distributions[slot].count += sample.value
                totals[index].distributions[slot].hasTotals = true
            case .quantile:
                guard let at = sample.labels.index(of: quantileSymbol),
                      let q = sample.labels.numericValue(at: at) else { continue }
                let previous = totals[index].distributions[slot].quantiles[q] ?? -.infinity
                totals[index].distributions[slot].quantiles[q] = max(previous, sample.value)
            }
        }
    }

    /// Whether candidate `index` counts a sample with `labels`, and in which slot.
    private mutating func decide(_ index: Int, _ labels: ExpositionLabels) -> Decision {
        var decision = Decision(generation: runs.generation)
        guard selects(index, labels) else { return decision }
        if candidates[index].selector.serverErrorsOnly {
            // A figure that only counts 5xx is known (0) while series with a status exist, even before the first
            // error; requests that carry no status say nothing about errors ("not read", never 0 %).
            guard hasStatus(labels) else { return decision }
            decision.matched = true
            guard isServerError(labels) else { return decision }
        } else {
            decision.matched = true
        }
        decision.counts = true
        decision.slot = partSlot(index, labels)
        return decision
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

    private mutating func selects(_ index: Int, _ labels: ExpositionLabels) -> Bool {
        let matchers = candidates[index].selector.selector.matchers
        for position in matchers.indices {
            let value = labels.index(of: matcherSymbols[index][position]).map { labels.valueBytes(at: $0) }
            if let known = matcherMemos[index][position].lookup(value) {
                if !known { return false }
                continue
            }
            let result = matchers[position].matches(value.map { String(decoding: $0, as: UTF8.self) } ?? "")
            matcherMemos[index][position].store(value, result)
            if !result { return false }
        }
        return true
    }

    /// Whether a series says how its requests ended: a status label or Micrometer's outcome.
    private func hasStatus(_ labels: ExpositionLabels) -> Bool {
        statusSymbols.contains { labels.index(of: $0) != nil } || labels.index(of: outcomeSymbol) != nil
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

    /// The slot of the part a sample belongs to: the first `by` label it has, else the fallback name. An empty
    /// value is no label, as in PromQL (OpenTelemetry's exporter writes `http_route=""` for a request no route
    /// matched).
    private mutating func partSlot(_ index: Int, _ labels: ExpositionLabels) -> Int {
        for (position, symbol) in bySymbols[index].enumerated() {
            guard let at = labels.index(of: symbol) else { continue }
            let bytes = labels.valueBytes(at: at)
            if bytes.isEmpty { continue }
            if let qualifier = qualifierSymbols[index], let place = labels.index(of: qualifier) {
                let value = String(decoding: labels.valueBytes(at: place), as: UTF8.self)
                if !value.isEmpty, value != candidates[index].selector.qualifierDefault {
                    // Rare (a second database): named without the memo, which knows the part's label alone.
                    return totals[index].slot(value + "/" + String(decoding: bytes, as: UTF8.self))
                }
            }
            if let known = keyMemos[index].lookup(bytes), known.position == position { return known.slot }
            let slot = totals[index].slot(String(decoding: bytes, as: UTF8.self))
            keyMemos[index].store(bytes, PartMemo(position: position, slot: slot))
            return slot
        }
        return totals[index].slot(candidates[index].selector.fallback)
    }

    /// Which `by` label named the part, and its slot.
    struct PartMemo {
        var position: Int
        var slot: Int
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
                let found = totals[index]
                for (slot, key) in found.names.enumerated() {
                    if candidates[index].figure.isDistribution {
                        let accumulator = found.distributions[slot]
                        accumulators[key] = accumulators[key].map { $0.merged(with: accumulator) } ?? accumulator
                    } else {
                        resolved.values[key, default: 0] += found.values[slot]
                    }
                }
            }
            resolved.distributions = accumulators.compactMapValues(\.distribution)
            result[figure] = resolved
        }
        return result
    }
}
