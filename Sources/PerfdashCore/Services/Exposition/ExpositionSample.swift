/// One sample line as the parser hands it to a visitor.
///
/// Its `labels` view points into the parser's buffers: it is valid only during the `visitSample` call that
/// received it. Copy out what you keep (`labels.value(at:)` gives a String).
public struct ExpositionSample {
    /// The series name as written (`http_request_duration_seconds_bucket`).
    public var name: Symbol
    /// The family the TYPE line declared (`http_request_duration_seconds`), or `name` when none was declared.
    public var family: Symbol
    /// The family's declared type (`.unknown` without a TYPE line).
    public var type: MetricType
    /// The part of `name` after `family`.
    public var suffix: SampleSuffix
    /// The sample value (NaN and ±Inf included).
    public var value: Double
    /// Timestamp in milliseconds since the epoch, when the line has one.
    public var timestamp: Int64?
    /// The 1-based line number.
    public var line: Int
    /// The label pairs, in the order written.
    public var labels: ExpositionLabels
}

/// One label pair: an interned name and where its (unescaped) value bytes are.
struct LabelSlot {
    var name: Symbol
    /// Byte offset of the name in the line (for error columns).
    var nameOffset: Int
    var valueStart: Int
    var valueCount: Int
    /// True when the value was unescaped into the scratch buffer; false when it lies in the input as is.
    var inScratch: Bool
}

/// A borrowed view of a sample's labels; valid only during the visitor call.
public struct ExpositionLabels {
    let input: UnsafeRawPointer
    let scratch: UnsafeRawPointer
    let slots: UnsafePointer<LabelSlot>
    /// Number of label pairs.
    public let count: Int

    /// The name of the label at `index`.
    @inline(__always)
    public func name(at index: Int) -> Symbol { slots[index].name }

    /// The index of the label called `name`, if the sample has it.
    @inline(__always)
    public func index(of name: Symbol) -> Int? {
        for index in 0..<count where slots[index].name == name { return index }
        return nil
    }

    /// The unescaped value bytes of the label at `index`.
    @inline(__always)
    public func valueBytes(at index: Int) -> UnsafeRawBufferPointer {
        let slot = slots[index]
        return UnsafeRawBufferPointer(start: (slot.inScratch ? scratch : input) + slot.valueStart, count: slot.valueCount)
    }

    /// The unescaped value of the label at `index`, as a String.
    public func value(at index: Int) -> String {
        String(decoding: valueBytes(at: index), as: UTF8.self)
    }

    /// The value of the label called `name`, if the sample has it.
    public func value(of name: Symbol) -> String? {
        index(of: name).map(value(at:))
    }

    /// The label value at `index` read as a number (`le`, `quantile`), or nil when it is not one.
    @inline(__always)
    public func numericValue(at index: Int) -> Double? {
        let bytes = valueBytes(at: index)
        guard let base = bytes.baseAddress else { return nil }
        let start = base.assumingMemoryBound(to: UInt8.self)
        return FloatParser.parse(start, start + bytes.count)
    }
}

/// A HELP, TYPE or UNIT line.
public enum ExpositionMetadata: Equatable, Sendable {
    /// `# HELP name text` with the text unescaped.
    case help(Symbol, String)
    /// `# TYPE name type`.
    case type(Symbol, MetricType)
    /// `# UNIT name unit` (OpenMetrics).
    case unit(Symbol, String)
}

/// Receives what the parser reads, line by line, so callers aggregate without materialising every sample.
public protocol ExpositionVisitor {
    /// Called once before parsing: intern the names you will compare symbols against.
    mutating func prepare(symbols: inout SymbolTable)
    /// Called for each HELP, TYPE and UNIT line.
    mutating func visitMetadata(_ metadata: ExpositionMetadata, symbols: SymbolTable)
    /// Called for each sample line; `sample.labels` is valid only during this call.
    mutating func visitSample(_ sample: ExpositionSample, symbols: SymbolTable)
}

extension ExpositionVisitor {
    /// Interns nothing.
    public mutating func prepare(symbols: inout SymbolTable) {}
    /// Ignores metadata.
    public mutating func visitMetadata(_ metadata: ExpositionMetadata, symbols: SymbolTable) {}
}
