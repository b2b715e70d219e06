/// A metric family with its metadata and every sample, materialised (the convenient, slower path).
public struct MetricFamily: Sendable, Equatable {
    /// The family name (the TYPE line's name, or the series name when none was declared).
    public var name: String
    /// The declared type.
    public var type: MetricType
    /// The HELP text, if any.
    public var help: String?
    /// The OpenMetrics UNIT, if any.
    public var unit: String?
    /// The samples, in input order.
    public var samples: [MetricSample]
}

/// One materialised sample line.
public struct MetricSample: Sendable, Equatable {
    /// The series name, e.g. `x_bucket`.
    public var name: String
    /// Label pairs in input order.
    public var labels: [Label]
    /// The value.
    public var value: Double
    /// Milliseconds since the epoch, when given.
    public var timestamp: Int64?

    /// The value of the label called `name`.
    public func label(_ name: String) -> String? {
        labels.first { $0.name == name }?.value
    }

    /// Two samples are equal when their values are, NaN included (a parse of `NaN` equals another).
    public static func == (lhs: MetricSample, rhs: MetricSample) -> Bool {
        lhs.name == rhs.name && lhs.labels == rhs.labels && lhs.timestamp == rhs.timestamp
            && (lhs.value == rhs.value || (lhs.value.isNaN && rhs.value.isNaN))
    }
}

/// A label pair.
public struct Label: Sendable, Equatable {
    /// The label name.
    public var name: String
    /// The unescaped value.
    public var value: String

    /// Creates a label.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// Collects families from the visitor callbacks; a family reappearing later (ungrouped input) is merged.
struct FamilyBuilder: ExpositionVisitor {
    var families: [MetricFamily] = []
    private var index: [Symbol: Int] = [:]

    private mutating func family(_ symbol: Symbol, symbols: SymbolTable) -> Int {
        if let existing = index[symbol] { return existing }
        families.append(MetricFamily(name: symbols[symbol], type: .unknown, samples: []))
        index[symbol] = families.count - 1
        return families.count - 1
    }

    mutating func visitMetadata(_ metadata: ExpositionMetadata, symbols: SymbolTable) {
        switch metadata {
        case .help(let name, let text): families[family(name, symbols: symbols)].help = text
        case .type(let name, let type): families[family(name, symbols: symbols)].type = type
        case .unit(let name, let unit): families[family(name, symbols: symbols)].unit = unit
        }
    }

    mutating func visitSample(_ sample: ExpositionSample, symbols: SymbolTable) {
        let labels = (0..<sample.labels.count).map {
            Label(symbols[sample.labels.name(at: $0)], sample.labels.value(at: $0))
        }
        let at = family(sample.family, symbols: symbols)
        families[at].type = sample.type == .unknown ? families[at].type : sample.type
        families[at].samples.append(MetricSample(name: symbols[sample.name], labels: labels, value: sample.value,
                                                 timestamp: sample.timestamp))
    }
}
