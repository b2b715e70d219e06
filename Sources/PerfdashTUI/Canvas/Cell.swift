/// One terminal cell: a grapheme, how many columns it covers, and its style.
///
/// A wide grapheme sits in its first cell with `width` 2; the cell to its right is a continuation (`width` 0) that
/// the backend never writes. The grapheme is kept as a base scalar plus at most one combining scalar, so a cell is a
/// plain value: copying and comparing the 10,000 cells of a frame is integer work, with no reference counting.
public struct Cell: Hashable, Sendable {
    /// The base scalar.
    public private(set) var scalar: UInt32
    /// One combining scalar drawn on the base (an accent, a variation selector), or 0.
    public private(set) var mark: UInt32
    /// Columns covered: 1, 2 for a wide grapheme, 0 for the right half of one.
    public var width: UInt8
    /// Colours and attributes.
    public var style: Style

    /// Creates a cell from scalar values.
    public init(scalar: UInt32, mark: UInt32 = 0, width: UInt8 = 1, style: Style = .plain) {
        self.scalar = scalar
        self.mark = mark
        self.width = width
        self.style = style
    }

    /// Creates a cell from a grapheme; scalars after the first combining one are dropped.
    public init(_ character: Character = " ", width: UInt8 = 1, style: Style = .plain) {
        var scalars = character.unicodeScalars.makeIterator()
        self.init(scalar: scalars.next()?.value ?? 0x20, mark: scalars.next()?.value ?? 0, width: width, style: style)
    }

    /// The grapheme.
    public var character: Character {
        var text = String(Unicode.Scalar(scalar).map(Character.init) ?? " ")
        if mark != 0, let m = Unicode.Scalar(mark) { text.unicodeScalars.append(m) }
        return Character(text)
    }

    /// Adds a combining scalar to this cell's grapheme (ignored when it already has one).
    mutating func attach(_ combining: UInt32) {
        if mark == 0 { mark = combining }
    }

    /// Calls `body` with each scalar of the grapheme, in order.
    public func forEachScalar(_ body: (UInt32) -> Void) {
        body(scalar)
        if mark != 0 { body(mark) }
    }

    /// Whether this cell is the right half of a wide grapheme.
    public var isContinuation: Bool { width == 0 }
}
