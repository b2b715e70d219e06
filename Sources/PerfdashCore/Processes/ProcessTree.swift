/// Processes ordered as a parent/child tree (as htop's tree view and `ps -H`): each parent followed by its
/// children, siblings in the chosen sort order.
public enum ProcessTree {
    /// One row of the tree: the process and its depth (0 for a process whose parent is not listed).
    public struct Row: Sendable, Equatable {
        /// The process.
        public var process: ProcessReading
        /// 0 for a root; children are one deeper than their parent.
        public var depth: Int
        /// The guide drawn before the command: `├─ `, `└─ `, with `│  ` or spaces for each ancestor level.
        public var prefix: String

        /// Creates a row.
        public init(process: ProcessReading, depth: Int, prefix: String) {
            self.process = process
            self.depth = depth
            self.prefix = prefix
        }
    }

    /// Levels of indentation drawn; deeper processes are drawn at this indentation (their `depth` is exact).
    public static let maximumIndent = 32

    /// The tree of `processes`, whose order (already sorted) is kept among siblings. Linear in the number of
    /// processes; a parent link that loops (impossible on a real /proc, possible in a hostile tree) is cut.
    public static func rows(_ processes: [ProcessReading], ascii: Bool = false) -> [Row] {
        let present = Set(processes.map(\.pid))
        var children: [Int: [Int]] = [:]
        var roots: [Int] = []
        for (index, process) in processes.enumerated() {
            if process.parentPid != process.pid, present.contains(process.parentPid) {
                children[process.parentPid, default: []].append(index)
            } else {
                roots.append(index)
            }
        }
        let (branch, last, pipe) = ascii ? ("|- ", "`- ", "|  ") : ("├─ ", "└─ ", "│  ")
        var out: [Row] = []
        out.reserveCapacity(processes.count)
        var visited = Set<Int>()
        // An explicit stack: a deep tree must not overflow the call stack.
        var stack: [(index: Int, depth: Int, guide: String, isLast: Bool)] = roots.reversed().map { ($0, 0, "", true) }
        while let top = stack.popLast() {
            let process = processes[top.index]
            guard visited.insert(process.pid).inserted else { continue }
            let prefix = top.depth == 0 ? "" : top.guide + (top.isLast ? last : branch)
            out.append(Row(process: process, depth: top.depth, prefix: prefix))
            let kids = children[process.pid] ?? []
            // Guides stop growing after `maximumIndent` levels, so a hostile deep chain costs linear memory.
            let guide = top.depth == 0 || top.depth > maximumIndent ? top.guide : top.guide + (top.isLast ? "   " : pipe)
            for (offset, child) in kids.enumerated().reversed() {
                stack.append((child, top.depth + 1, guide, offset == kids.count - 1))
            }
        }
        // Processes only reachable through a loop are listed flat at the end, so none disappears.
        if out.count < processes.count {
            for process in processes where !visited.contains(process.pid) {
                out.append(Row(process: process, depth: 0, prefix: ""))
            }
        }
        return out
    }
}
