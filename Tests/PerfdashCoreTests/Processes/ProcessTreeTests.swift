@testable import PerfdashCore
import Testing

@Suite("Process tree")
struct ProcessTreeTests {
    static func p(_ pid: Int, _ parent: Int) -> ProcessReading {
        ProcessReading(pid: pid, parentPid: parent, user: "u", uid: 0, name: "p\(pid)", command: "p\(pid)",
                       state: "S", cpuPercent: 0, rssBytes: 0, memoryPercent: 0, readBytesPerSecond: nil,
                       writeBytesPerSecond: nil, threads: 1, startUnixMs: 0)
    }

    @Test("children follow their parent in the given order, with guides; orphans are roots")
    func order() {
        // 1 → (10 → 11), 20; 30's parent is not listed: a root.
        let rows = ProcessTree.rows([Self.p(20, 1), Self.p(1, 0), Self.p(11, 10), Self.p(10, 1), Self.p(30, 999)])
        #expect(rows.map(\.process.pid) == [1, 20, 10, 11, 30])
        #expect(rows.map(\.prefix) == ["", "├─ ", "└─ ", "   └─ ", ""])
        #expect(rows.map(\.depth) == [0, 1, 1, 2, 0])
        #expect(ProcessTree.rows([Self.p(1, 0), Self.p(2, 1)], ascii: true).last?.prefix == "`- ")
    }

    @Test("parent links that loop (a hostile tree) are cut; every process is still listed once")
    func loops() {
        let rows = ProcessTree.rows([Self.p(5, 6), Self.p(6, 5), Self.p(7, 7), Self.p(8, 7)])
        #expect(rows.map(\.process.pid).sorted() == [5, 6, 7, 8])
        #expect(rows.first { $0.process.pid == 8 }?.depth == 1)
    }

    @Test("a deep chain does not recurse, and its guides stop growing")
    func deep() {
        let chain = (1...20_000).map { Self.p($0, $0 - 1) }
        let rows = ProcessTree.rows(chain)
        #expect(rows.count == 20_000 && rows.last?.depth == 19_999)
        #expect((rows.last?.prefix.count ?? 0) <= 3 * (ProcessTree.maximumIndent + 2))
    }
}
