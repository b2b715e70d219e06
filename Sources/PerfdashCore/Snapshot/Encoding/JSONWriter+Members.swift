/// Shorthands for the hand-written sections: nested values, arrays, enums by raw value, and members that are
/// left out when nil (JSONEncoder's `encodeIfPresent`, which synthesized `Codable` uses for optionals).
extension JSONWriter {
    /// A value that writes itself.
    @inline(__always)
    public mutating func value(_ item: some JSONWritable) {
        item.writeJSON(to: &self)
    }

    /// An enum by its raw value (a `String`-backed enum encodes as its raw value, unconverted).
    @inline(__always)
    public mutating func value<E: RawRepresentable>(_ item: E) where E.RawValue == String {
        value(item.rawValue)
    }

    /// An array of strings.
    public mutating func value(_ items: [String]) {
        array(items) { $0.value($1) }
    }

    /// An array of numbers, nil as `null` (an unkeyed container encodes nil as null, it cannot leave it out).
    public mutating func value(_ items: [Double?]) {
        array(items) { w, item in
            if let item { w.value(item) } else { w.null() }
        }
    }

    /// `key: value` unless `value` is nil.
    @inline(__always)
    public mutating func member(_ key: StaticString, ifPresent value: Double?) {
        guard let value else { return }
        self.key(key)
        self.value(value)
    }

    /// `key: value` unless `value` is nil.
    @inline(__always)
    public mutating func member(_ key: StaticString, ifPresent value: Int?) {
        guard let value else { return }
        self.key(key)
        self.value(value)
    }

    /// `key: value` unless `value` is nil.
    @inline(__always)
    public mutating func member(_ key: StaticString, ifPresent value: String?) {
        guard let value else { return }
        self.key(key)
        self.value(value)
    }

    /// `key: value` unless `value` is nil.
    @inline(__always)
    public mutating func member(_ key: StaticString, ifPresent value: [String]?) {
        guard let value else { return }
        self.key(key)
        self.value(value)
    }

    /// `key: value` unless `value` is nil.
    @inline(__always)
    public mutating func member<E: RawRepresentable>(_ key: StaticString, ifPresent value: E?)
        where E.RawValue == String {
        guard let value else { return }
        self.key(key)
        self.value(value.rawValue)
    }

    /// `key: value` unless `value` is nil.
    @inline(__always)
    public mutating func member(_ key: StaticString, ifPresent value: (some JSONWritable)?) {
        guard let value else { return }
        self.key(key)
        value.writeJSON(to: &self)
    }
}

extension Array: JSONWritable where Element: JSONWritable {
    /// The elements in order, each writing itself.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.array(self) { $1.writeJSON(to: &$0) }
    }
}
