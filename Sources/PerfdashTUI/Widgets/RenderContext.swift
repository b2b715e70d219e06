/// What every widget needs to know about the terminal it draws for.
public struct RenderContext: Sendable, Equatable {
    /// Frame, meter and sparkline characters.
    public var glyphs: Glyphs
    /// Braille, block or ASCII graphs.
    public var graphStyle: GraphStyle
    /// Whether colours reach the screen; without them widgets lean on characters and attributes.
    public var color: Bool

    /// Creates a context.
    public init(glyphs: Glyphs = .unicode, graphStyle: GraphStyle = .braille, color: Bool = true) {
        self.glyphs = glyphs
        self.graphStyle = glyphs.isUnicode ? graphStyle : .ascii
        self.color = color
    }
}
