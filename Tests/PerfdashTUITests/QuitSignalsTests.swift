import Glibc
import PerfdashTUI
import Testing

/// The dashboard's quit signals: a sigaction handler records the first signal and writes a byte to the wake pipe
/// the input loop polls, and the previous actions come back when it is done.
@Suite(.serialized) struct QuitSignalsTests {
    /// Signals raised in this process (the handler is installed, so none of them ends it): the first one is
    /// recorded, each one wakes the loop with its number.
    @Test func theFirstSignalIsRecordedAndEveryOneWakesTheLoop() throws {
        let wake = WakePipe()
        let signals = QuitSignals(wake: wake)
        #expect(signals.received == nil)
        #expect(Self.pending(wake) == [])
        raise(SIGHUP)
        #expect(signals.received == SIGHUP)
        raise(SIGQUIT)
        #expect(signals.received == SIGHUP)
        #expect(Self.pending(wake) == [UInt8(SIGHUP), UInt8(SIGQUIT)])
        withExtendedLifetime(signals) {}
    }

    /// Once released, the signals can be caught again from scratch (a second dashboard run in one process), and
    /// the action in place before is back in between.
    @Test func releasingPutsThePreviousActionsBack() throws {
        var before = sigaction()
        sigaction(SIGQUIT, nil, &before)
        do {
            let signals = QuitSignals(wake: WakePipe())
            raise(SIGQUIT)
            #expect(signals.received == SIGQUIT)
        }
        var after = sigaction()
        sigaction(SIGQUIT, nil, &after)
        #expect(Self.handlerAddress(after) == Self.handlerAddress(before))
        let wake = WakePipe()
        let again = QuitSignals(wake: wake)
        #expect(again.received == nil)
        raise(SIGINT)
        #expect(again.received == SIGINT)
        #expect(Self.pending(wake) == [UInt8(SIGINT)])
        withExtendedLifetime(again) {}
    }

    /// The bytes waiting in the pipe, read without blocking.
    static func pending(_ wake: WakePipe) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: 64)
        let count = read(wake.readDescriptor, &bytes, bytes.count)
        return count > 0 ? Array(bytes[..<count]) : []
    }

    /// The handler of an action as an address (SIG_DFL is 0), to compare two actions.
    static func handlerAddress(_ action: sigaction) -> UInt {
        unsafeBitCast(action.__sigaction_handler, to: UInt.self)
    }
}
