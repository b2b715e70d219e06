import Synchronization
import Testing
@testable import PerfdashCore

/// The gate that lets one scrape at a time reach a Redis server.
struct AsyncGateTests {
    /// Who held the gate, in order.
    final class Log: Sendable {
        private let entries = Mutex<[Int]>([])
        func append(_ entry: Int) { entries.withLock { $0.append(entry) } }
        var all: [Int] { entries.withLock { $0 } }
    }

    @Test func oneHolderAtATimeInArrivalOrder() async {
        let gate = AsyncGate()
        let order = Log()
        #expect(await gate.enter())
        let tasks = (1...3).map { number in
            Task {
                let entered = await gate.enter()
                order.append(number)
                gate.leave()
                return entered
            }
        }
        // Every waiter queued behind the holder: none may run before it leaves.
        while gate.waiting < 3 { await Task.yield() }
        order.append(0)
        gate.leave()
        for task in tasks { #expect(await task.value) }
        #expect(order.all.first == 0)
        #expect(order.all.sorted() == [0, 1, 2, 3])
    }

    @Test func aCancelledWaiterLeavesTheQueue() async {
        let gate = AsyncGate()
        #expect(await gate.enter())
        let waiter = Task { await gate.enter() }
        while gate.waiting < 1 { await Task.yield() }
        waiter.cancel()
        #expect(await waiter.value == false)
        #expect(gate.waiting == 0)
        gate.leave()
        // The gate is open again: the cancelled waiter does not hold it.
        #expect(await gate.enter())
        gate.leave()
        // Cancelled before it even asks: refused at once.
        let late = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return await gate.enter()
        }
        #expect(await late.value == false)
    }
}
