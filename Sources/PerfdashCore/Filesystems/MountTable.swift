import Synchronization

/// The mount table under a root, parsed again only when the kernel says it changed.
///
/// /proc/PID/mounts raises POLLPRI on an open descriptor after a mount or an unmount in its namespace, so a tick
/// polls with a zero timeout instead of having every mount formatted and parsed again (an eighth of a headless tick
/// on a machine with a few dozen mounts). A table that is not on procfs (a fixture tree) gives no such signal and
/// is read every time.
final class MountTable: Sendable {
    private let reader: ProcReader<MountsParser>
    /// The table is procfs's own: it lists a proc mount at `root`/proc, where it was read from. A copied table
    /// lists its machine's `/proc`, which is not under the root it was copied to.
    private let signalsChanges: Bool
    private let cached: Mutex<[MountEntry]?>

    /// Opens and reads `root`/proc/self/mounts; throws when it cannot be opened.
    init(root: String) throws(HostReadError) {
        reader = try ProcReader(root: root, relativePath: MountsParser.relativePath)
        // A table that cannot be read now is read (and its error reported) on every tick.
        let table = (try? reader.read()) ?? []
        var proc = HostPath.join(root, "proc")
        while proc.hasPrefix("//") { proc.removeFirst() }
        signalsChanges = proc.hasPrefix("/") && table.contains { $0.type == "proc" && $0.mountPoint == proc }
        cached = Mutex(signalsChanges ? table : nil)
    }

    /// Whether the table is re-read only on procfs's change signal.
    var followsChanges: Bool { signalsChanges }

    /// The mounts, from the last parse while procfs reports no change.
    func read() throws(HostReadError) -> [MountEntry] {
        if signalsChanges, let table = cached.withLock({ $0 }), !reader.file.pollReportsChange() { return table }
        do {
            let table = try reader.read()
            if signalsChanges { cached.withLock { $0 = table } }
            return table
        } catch {
            // The poll has acknowledged the change: without the cache the next call reads again.
            cached.withLock { $0 = nil }
            throw error
        }
    }
}
