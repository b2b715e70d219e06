public import PerfdashCore

/// What the user chose in the Processes panel: sort, filter, tree, follow, and the signal dialog when open.
public struct ProcessViewState: Sendable, Equatable {
    /// The sort column.
    public var sortKey: ProcessSortKey = .cpu
    /// Whether the column's natural order is flipped (`I`).
    public var reversed = false
    /// Text a process's pid, user or command line must contain (case-insensitive); empty: all.
    public var filter = ""
    /// Whether keys are typed into the filter (after `/`, until Enter or Esc).
    public var editingFilter = false
    /// Parent/child tree instead of a flat list.
    public var tree = false
    /// The pid the selection stays on however the list reorders (`F`), until it exits.
    public var followPid: Int?
    /// The signal dialog, when open.
    public var dialog: SignalDialogState?

    /// Creates the default view: by CPU, no filter, flat.
    public init() {}

    /// The columns `<` and `>` step through, in table order.
    public static let sortOrder: [ProcessSortKey] = [
        .pid, .user, .state, .cpu, .memory, .read, .write, .threads, .start, .command,
    ]

    /// The next (or previous) sort column.
    mutating func stepSort(_ offset: Int) {
        let all = Self.sortOrder
        let index = all.firstIndex(of: sortKey == .rss ? .memory : sortKey) ?? 0
        sortKey = all[((index + offset) % all.count + all.count) % all.count]
    }
}

/// The open signal dialog: which process, and which signal is highlighted.
public struct SignalDialogState: Sendable, Equatable {
    /// The target's pid.
    public var pid: Int
    /// Its command name, for the question.
    public var name: String
    /// Its start time: the signal is refused if the pid has been reused by the time it is sent.
    public var startUnixMs: Int64
    /// Index into `ProcessSignal.choices` (0: SIGTERM).
    public var choice = 0

    /// Creates a dialog on SIGTERM.
    public init(pid: Int, name: String, startUnixMs: Int64) {
        self.pid = pid
        self.name = name
        self.startUnixMs = startUnixMs
    }
}

/// The rows the Processes panel shows, in order: filtered, sorted, and arranged as a tree when asked.
public enum ProcessRows {
    /// The visible rows of `processes` under `view`.
    public static func make(_ processes: [ProcessReading], view: ProcessViewState, ascii: Bool = false)
        -> [ProcessTree.Row] {
        let needle = view.filter.lowercased()
        let kept = needle.isEmpty ? processes : processes.filter { p in
            String(p.pid).contains(needle) || p.user.lowercased().contains(needle)
                || p.command.lowercased().contains(needle) || p.name.lowercased().contains(needle)
        }
        let sorted = view.sortKey.sorted(kept, reversed: view.reversed)
        guard view.tree else { return sorted.map { ProcessTree.Row(process: $0, depth: 0, prefix: "") } }
        return ProcessTree.rows(sorted, ascii: ascii)
    }
}
