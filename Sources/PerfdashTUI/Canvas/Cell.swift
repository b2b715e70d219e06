/// One terminal cell: a grapheme, how many columns it covers, and its style.
///
/// A wide grapheme sits in its first cell with `width` 2; the cell to its right is a continuation (`width` 0) that
/// the backend never writes. The grapheme is kept as its scalar (a String only for multi-scalar clusters), so the
/// per-frame comparison of every cell is an integer compare rather than a Unicode string comparison.
public struct Cell: Hashable, Sendable {
    /// The grapheme's first (usually only) scalar.
    private var scalar: UInt32
    /// The whole grapheme when it has more than one scalar (a combining mark, an emoji sequence).
    private var cluster: String?
    public var width: UInt8
    public var style: Style

    /// Creates a cell.
    public init(_ character: Character = " ", width: UInt8 = 1, style: Style = .plain) {
        let scalars = character.unicodeScalars
        scalar = scalars.first?.value ?? 0x20
        cluster = scalars.index(after: scalars.startIndex) == scalars.endIndex ? nil : String(character)
        self.width = width
        self.style = style
    }

    /// The grapheme.
    public var character: Character {
        if let cluster { return Character(cluster) }
        return Character(Unicode.Scalar(scalar) ?? " ")
    }

    /// Calls `body` with each scalar of the grapheme, in order.
    public func forEachScalar(_ body: (UInt32) -> Void) {
        if let cluster {
            for s in cluster.unicodeScalars { body(s.value) }
        } else {
            body(scalar)
        }
    }

    /// Whether this cell is the right half of a wide grapheme.
    public var isContinuation: Bool { width == 0 }
}
