/// The window statistics of a snapshot's series, in series order: names and summaries side by side.
///
/// Built per tick from the interned series (names are shared with the sampler's layout, not rebuilt), so a tick
/// hashes no String. Lookup by name is linear (for tests and the odd panel); encoders walk the arrays. Encoded in
/// JSON as an object keyed by series name, keys in UTF-8 byte order.
public struct SnapshotStats: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    /// Series names, in series order.
    public private(set) var names: [String]
    /// `summaries[i]` is the summary of `names[i]`.
    public private(set) var summaries: [Summary]

    /// Creates statistics from parallel arrays (equal lengths, distinct names).
    public init(names: [String], summaries: [Summary]) {
        precondition(names.count == summaries.count, "one summary per name")
        self.names = names
        self.summaries = summaries
    }

    /// Creates statistics from a dictionary (in the order of its sorted keys).
    public init(_ dictionary: [String: Summary]) {
        let sorted = dictionary.sorted { Self.precedes($0.key, $1.key) }
        names = sorted.map(\.key)
        summaries = sorted.map(\.value)
    }

    /// Creates statistics from a literal.
    public init(dictionaryLiteral elements: (String, Summary)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    /// Number of series with statistics.
    public var count: Int { names.count }

    /// True when no series has statistics.
    public var isEmpty: Bool { names.isEmpty }

    /// The summary of `name` (linear search); setting nil removes it, setting a new name appends it.
    public subscript(name: String) -> Summary? {
        get { names.firstIndex(of: name).map { summaries[$0] } }
        set {
            if let index = names.firstIndex(of: name) {
                if let newValue {
                    summaries[index] = newValue
                } else {
                    names.remove(at: index)
                    summaries.remove(at: index)
                }
            } else if let newValue {
                names.append(name)
                summaries.append(newValue)
            }
        }
    }

    /// Appends the summary of a series not yet present (the caller knows it is new: no search).
    public mutating func append(_ name: String, _ summary: Summary) {
        names.append(name)
        summaries.append(summary)
    }

    /// The statistics as a dictionary.
    public var dictionary: [String: Summary] {
        Dictionary(zip(names, summaries), uniquingKeysWith: { _, last in last })
    }

    /// Indices of `names` in UTF-8 byte order of the names: the JSON key order.
    public func sortedIndices() -> [Int] {
        names.indices.sorted { Self.precedes(names[$0], names[$1]) }
    }

    /// Pairs in series order.
    public func makeIterator() -> Zip2Sequence<[String], [Summary]>.Iterator {
        zip(names, summaries).makeIterator()
    }

    /// Equal when they hold the same summaries by name, whatever the order.
    public static func == (lhs: SnapshotStats, rhs: SnapshotStats) -> Bool {
        lhs.count == rhs.count && lhs.dictionary == rhs.dictionary
    }

    /// UTF-8 byte order (what JSONEncoder's `.sortedKeys` uses).
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}

extension SnapshotStats: Codable {
    /// Decodes an object keyed by series name.
    /// (Through a single-value container, so that a key strategy leaves the series names alone.)
    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode([String: Summary].self))
    }

    /// Encodes an object keyed by series name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(dictionary)
    }
}
