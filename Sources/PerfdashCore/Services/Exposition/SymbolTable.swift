import Glibc

/// An interned metric or label name: a small integer that stands for a name's bytes within one `SymbolTable`.
public struct Symbol: Hashable, Sendable {
    /// Position of the name in its table, from 0.
    public let id: Int32

    init(_ id: Int) {
        self.id = Int32(truncatingIfNeeded: id)
    }
}

/// Interns metric and label names so the parser hands out small integers instead of one String per line.
///
/// Lookups hash the raw bytes (FNV-1a) into an open-addressing table; a String is built once per distinct name.
public struct SymbolTable: Sendable {
    private var names: [String] = []
    private var bytes: [UInt8] = []
    private var offsets: [Int] = [0]
    /// Open-addressing slots holding `id + 1`; 0 marks an empty slot.
    private var slots: [Int32] = Array(repeating: 0, count: 64)

    /// Creates an empty table.
    public init() {}

    /// Number of distinct names interned so far.
    public var count: Int { names.count }

    /// The name a symbol stands for.
    public subscript(symbol: Symbol) -> String { names[Int(symbol.id)] }

    /// The symbol of an already interned name, or nil when the parser has not seen it.
    public func lookup(_ name: String) -> Symbol? {
        var name = name
        return name.withUTF8 { find(UnsafeRawBufferPointer($0)) }
    }

    /// Interns a name given as a String (used to pre-register names a visitor looks for).
    @discardableResult
    public mutating func intern(_ name: String) -> Symbol {
        var name = name
        return name.withUTF8 { intern(UnsafeRawBufferPointer($0)) }
    }

    /// Interns raw name bytes, returning the existing symbol when the name is known.
    mutating func intern(_ name: UnsafeRawBufferPointer) -> Symbol {
        if let found = find(name) { return found }
        let id = names.count
        names.append(String(decoding: name, as: UTF8.self))
        bytes.append(contentsOf: name)
        offsets.append(bytes.count)
        if (id + 1) * 2 > slots.count { rehash(capacity: slots.count * 2) } else { insert(id: id, hash: Self.hash(name)) }
        return Symbol(id)
    }

    /// Calls `body` with the symbol's bytes.
    func withBytes<R>(of symbol: Symbol, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        let id = Int(symbol.id)
        return bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[offsets[id]..<offsets[id + 1]])) }
    }

    /// Whether the symbol's bytes equal `name`.
    func matches(_ symbol: Symbol, _ name: UnsafeRawBufferPointer) -> Bool {
        let id = Int(symbol.id)
        let start = offsets[id], end = offsets[id + 1]
        guard end - start == name.count else { return false }
        return bytes.withUnsafeBytes { stored in
            name.count == 0 || memcmp(stored.baseAddress! + start, name.baseAddress!, name.count) == 0
        }
    }

    /// The symbol of already interned bytes, or nil.
    func find(_ name: UnsafeRawBufferPointer) -> Symbol? {
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: Self.hash(name)) & mask
        while true {
            let entry = Int(slots[index])
            if entry == 0 { return nil }
            if matches(Symbol(entry - 1), name) { return Symbol(entry - 1) }
            index = (index + 1) & mask
        }
    }

    private mutating func insert(id: Int, hash: UInt64) {
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while slots[index] != 0 { index = (index + 1) & mask }
        slots[index] = Int32(id + 1)
    }

    private mutating func rehash(capacity: Int) {
        slots = Array(repeating: 0, count: capacity)
        for id in names.indices {
            let hash = bytes.withUnsafeBytes { Self.hash(UnsafeRawBufferPointer(rebasing: $0[offsets[id]..<offsets[id + 1]])) }
            insert(id: id, hash: hash)
        }
    }

    private static func hash(_ name: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return hash ^ (hash >> 29)
    }
}
