/// Which interfaces the network total leaves out, as shell-style patterns (`*` any run, `?` one character).
public struct InterfaceFilter: Sendable, Equatable, Codable {
    /// Patterns of excluded interface names.
    public var excluded: [String]

    /// The default: loopback and the virtual interfaces of containers and bridges.
    public static let defaultTotal = InterfaceFilter(excluded: ["lo", "veth*", "docker*", "br-*", "virbr*"])

    /// Creates a filter excluding the names that match any of `excluded`.
    public init(excluded: [String]) {
        self.excluded = excluded
    }

    /// Parses a comma-separated list (`lo,veth*`); an empty string excludes nothing.
    public init(parsing list: String) {
        excluded = list.split(separator: ",").map { String($0).trimmingBlanks() }.filter { !$0.isEmpty }
    }

    /// True when `name` counts towards the total.
    public func includes(_ name: String) -> Bool {
        !excluded.contains { Self.matches(pattern: Array($0.utf8)[...], name: Array(name.utf8)[...]) }
    }

    /// Glob match with `*` and `?`; backtracks over the most recent `*` only, which is enough for globs.
    static func matches(pattern: ArraySlice<UInt8>, name: ArraySlice<UInt8>) -> Bool {
        var p = pattern.startIndex
        var n = name.startIndex
        var star: (pattern: Int, name: Int)?
        while n < name.endIndex {
            if p < pattern.endIndex, pattern[p] == UInt8(ascii: "*") {
                star = (p, n)
                p += 1
            } else if p < pattern.endIndex, pattern[p] == UInt8(ascii: "?") || pattern[p] == name[n] {
                p += 1
                n += 1
            } else if let last = star {
                p = last.pattern + 1
                n = last.name + 1
                star = (last.pattern, last.name + 1)
            } else {
                return false
            }
        }
        while p < pattern.endIndex, pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.endIndex
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingBlanks() -> String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !blank($0) }), let last = lastIndex(where: { !blank($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
