/// One terminal cell: a grapheme, how many columns it covers, and its style.
///
/// A wide grapheme sits in its first cell with `width` 2; the cell to its right is a continuation (`width` 0) that
/// the backend never writes.
public struct Cell: Hashable, Sendable {
    public var character: Character
    public var width: UInt8
    public var style: Style

    /// Creates a cell.
    public init(_ character: Character = " ", width: UInt8 = 1, style: Style = .plain) {
        self.character = character
        self.width = width
        self.style = style
    }

    /// Whether this cell is the right half of a wide grapheme.
    public var isContinuation: Bool { width == 0 }
}
