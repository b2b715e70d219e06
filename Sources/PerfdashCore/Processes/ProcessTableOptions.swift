/// Whether processes are read each tick, and which of them a snapshot lists.
public struct ProcessTableOptions: Sendable, Equatable {
    /// The default number of processes in a snapshot's `processes.top`.
    public static let defaultTopCount = 10

    /// How many processes the snapshot lists (0: counts only).
    public var topCount: Int
    /// The key they are chosen by.
    public var sortKey: ProcessSortKey
    /// Whether processes are read at all (off: no `processes` section, no per-process cost).
    public var enabled: Bool

    /// Creates options; by default the top 10 by CPU.
    public init(topCount: Int = defaultTopCount, sortKey: ProcessSortKey = .cpu, enabled: Bool = true) {
        self.topCount = max(0, topCount)
        self.sortKey = sortKey
        self.enabled = enabled
    }
}
