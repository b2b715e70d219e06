/// A series name, or a family of them with one `*`: `fs.*.used_percent`, `disk.*.util_percent`,
/// `service.api.queue.*.depth`.
///
/// `*` matches any non-empty text, dots and slashes included (mount points such as `/home` or `/mnt/a.b`), except
/// the aggregate instance `total` (`disk.total.util_percent` is named literally when wanted), so a per-device rule
/// does not fire twice on a one-disk machine. A name without `*` matches only itself.
public struct SeriesPattern: Sendable, Equatable, Hashable {
    /// The pattern as written.
    public let text: String
    private let prefix: Substring
    private let suffix: Substring
    /// Whether the pattern has a `*`.
    public let isWildcard: Bool

    /// Parses a pattern; nil when it has more than one `*`.
    public init?(_ text: String) {
        self.text = text
        let parts = text.split(separator: "*", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            prefix = Substring(text)
            suffix = ""
            isWildcard = false
        case 2:
            prefix = parts[0]
            suffix = parts[1]
            isWildcard = true
        default:
            return nil
        }
    }

    /// The text `*` stands for in `name` (the whole name for a literal pattern), or nil when it does not match.
    public func instance(of name: String) -> String? {
        guard isWildcard else { return name == text ? name : nil }
        guard name.utf8.count > prefix.utf8.count + suffix.utf8.count, name.hasPrefix(prefix),
              name.hasSuffix(suffix) else { return nil }
        let middle = String(name.dropFirst(prefix.count).dropLast(suffix.count))
        return middle.isEmpty || middle == SeriesName.total ? nil : middle
    }
}
