import Synchronization

/// A first-come, first-served gate for async code: one holder at a time, waiters resumed in order.
///
/// A task cancelled while it waits leaves the queue at once (`enter` returns false and the gate is not held), so a
/// scrape that reaches its deadline behind a slow one never holds the gate later.
final class AsyncGate: Sendable {
    private struct Waiter: Sendable {
        var id: UInt64
        var continuation: CheckedContinuation<Bool, Never>
    }

    private struct State: Sendable {
        var held = false
        var waiters: [Waiter] = []
        var nextID: UInt64 = 0
    }

    private let state = Mutex(State())

    /// Waits for the gate; true once held (call `leave()`), false if the task was cancelled first.
    func enter() async -> Bool {
        let id = state.withLock { state in
            state.nextID &+= 1
            return state.nextID
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
                // Checked under the lock: a cancellation that ran its handler before this point is seen here.
                let now: Bool? = state.withLock { state in
                    if Task.isCancelled { return false }
                    if !state.held {
                        state.held = true
                        return true
                    }
                    state.waiters.append(Waiter(id: id, continuation: continuation))
                    return nil
                }
                if let now { continuation.resume(returning: now) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> Waiter? in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiters.remove(at: index)
            }
            waiter?.continuation.resume(returning: false)
        }
    }

    /// How many tasks wait now (for tests and diagnostics).
    var waiting: Int { state.withLock { $0.waiters.count } }

    /// Hands the gate to the next waiter, or opens it.
    func leave() {
        let next = state.withLock { state -> Waiter? in
            guard !state.waiters.isEmpty else {
                state.held = false
                return nil
            }
            return state.waiters.removeFirst()
        }
        next?.continuation.resume(returning: true)
    }
}
