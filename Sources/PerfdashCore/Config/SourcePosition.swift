/// A place in a config file, 1-based, for error lines of the form `file:line:column: reason`.
public struct SourcePosition: Sendable, Equatable, Hashable, Comparable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column, counted in Unicode scalars.
    public var column: Int

    /// Creates a position.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// A config that cannot be used: where, and why, as one line.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where the problem is; nil for problems with no place (an unreadable file, a bad flag).
    public var position: SourcePosition?
    /// The file or flag the problem belongs to, when there is no position.
    public var subject: String
    /// The reason, e.g. `unknown key "tiemout" in [[service]] (did you mean "timeout"?)`.
    public var reason: String

    /// An error at a position in a file.
    public init(at position: SourcePosition, _ reason: String) {
        self.position = position
        self.subject = position.file
        self.reason = reason
    }

    /// An error about a whole file or a flag.
    public init(subject: String, _ reason: String) {
        self.position = nil
        self.subject = subject
        self.reason = reason
    }

    /// `file:line:column: reason`, or `subject: reason`.
    public var description: String {
        "\(position.map(\.description) ?? subject): \(reason)"
    }
}
