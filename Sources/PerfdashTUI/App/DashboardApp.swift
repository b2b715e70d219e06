import Foundation
public import PerfdashCore

/// The interactive dashboard: owns the terminal, the sampler thread and the UI state, and runs the input loop.
public enum DashboardApp {
    /// Runs until `q` or SIGINT/SIGTERM/SIGHUP/SIGQUIT; the terminal is restored on every way out.
    /// Returns the signal that ended the run, if any.
    @discardableResult
    public static func run(reader: HostReader, options: DashboardOptions) -> Int32? {
        let wake = WakePipe()
        let signals = QuitSignals(wake: wake)
        let driver = options.driver(reader: reader, onSnapshot: wake)
        driver.start()
        defer { driver.stop() }
        let terminal = CursesTerminal(theme: options.theme, environment: options.environment)
        defer { terminal.shutdown() }
        terminal.wakeOnResize(wake)
        var loop = Loop(terminal: terminal, driver: driver, options: options, root: reader.root)
        return loop.run(signals: signals, wake: wake)
    }

    /// The input/draw loop; split out so `run` reads as setup and teardown.
    private struct Loop {
        let terminal: CursesTerminal
        let driver: SamplerDriver
        let options: DashboardOptions
        var state: DashboardState
        var theme: Theme
        var model: DashboardModel
        let context: RenderContext
        /// The reader's root: signals go only to this machine's processes.
        let root: String
        /// The status message on screen and since when: it expires after `messageLifetime`.
        var message = (text: "", since: ContinuousClock.now)
        static let messageLifetime: Duration = .seconds(5)

        init(terminal: CursesTerminal, driver: SamplerDriver, options: DashboardOptions, root: String) {
            self.root = root
            self.terminal = terminal
            self.driver = driver
            self.options = options
            state = DashboardState(interval: options.sampler.interval, window: options.sampler.window,
                                   themeName: options.theme.name)
            theme = options.theme
            model = DashboardModel(snapshot: nil, sequence: 0, window: options.sampler.window)
            context = RenderContext(glyphs: options.ascii ? .ascii : .unicode, graphStyle: options.graphStyle,
                                    color: terminal.colorMode != .none)
        }

        mutating func run(signals: QuitSignals, wake: WakePipe) -> Int32? {
            var dirty = true
            var seen = -1
            while true {
                if let signal = signals.received { return signal }
                if !state.paused, driver.sequence != seen {
                    seen = driver.sequence
                    let failure = model.alertCommandFailure
                    refreshModel()
                    // A new alert-command failure goes to the status line too (the Alerts panel keeps the last).
                    if let new = model.alertCommandFailure, new != failure { state.message = new }
                    dirty = true
                }
                if expireMessage() { dirty = true }
                if dirty {
                    let (width, height) = terminal.size
                    let frame = DashboardScreen.render(PanelInput(model: model, state: state, context: context),
                                                       width: width, height: height,
                                                       colorMode: terminal.colorMode.rawValue)
                    terminal.draw(frame)
                    dirty = false
                }
                // Sleeps until a key, a new snapshot, a quit signal or a resize: no work while nothing happens.
                guard terminal.waitForInput(wake: wake) else { continue }
                while let key = terminal.readKey() {
                    if handle(key) { return nil }
                    dirty = true
                }
            }
        }

        /// Clears the status message once it has been shown for `messageLifetime`; true when it did.
        private mutating func expireMessage() -> Bool {
            let now = ContinuousClock.now
            if state.message != message.text { message = (state.message, now) }
            guard !state.message.isEmpty, message.since.duration(to: now) >= Self.messageLifetime else { return false }
            state.message = ""
            message = ("", now)
            return true
        }

        /// Takes a new model from the driver; the followed process keeps the selection.
        private mutating func refreshModel() {
            let width = terminal.size.width
            model = driver.model(window: state.window, graphLength: 2 * width,
                                 perCore: OverviewLayout.wantsPerCore(width: width, height: terminal.size.height))
            state.followProcess(in: DashboardScreen.processRows(model, state: state))
        }

        /// Applies one key; returns true to quit.
        private mutating func handle(_ key: Key) -> Bool {
            if key == .resize { terminal.invalidate() }
            let (width, height) = terminal.size
            switch state.press(key, model: model, width: width, height: height) {
            case .quit?: return true
            case .intervalChanged?: driver.setInterval(state.interval)
            case .windowChanged?:
                driver.setWindow(state.window)
                refreshModel()
            case .nextTheme?: nextTheme()
            case .saveSnapshot?: save()
            case .fleetFocusChanged?:
                state.fleetFocus = state.fleetDetail ? FleetPanel.focus(model, state: state) : nil
                driver.setFleetFocus(state.fleetFocus)
            case let .sendSignal(pid, signal, name, start)?:
                state.message = ProcessSignal.send(signal, to: pid, startUnixMs: start, root: root)
                    ?? "sent \(name) to \(pid)"
            case .showDetail?, .nothing?, nil: break
            }
            return false
        }

        private mutating func nextTheme() {
            let names = options.themes.names()
            guard names.count > 1 else {
                state.message = "only the default theme was found: put btop .theme files in "
                    + (options.themes.directories.first ?? "~/.local/share/perfdash/themes")
                return
            }
            let index = names.firstIndex(of: theme.name).map { ($0 + 1) % names.count } ?? 0
            do {
                theme = try options.themes.load(names[index])
                terminal.setTheme(theme)
                state.themeName = theme.name
                state.message = "theme \(theme.name)"
            } catch {
                state.message = error.description
            }
        }

        private mutating func save() {
            guard let snapshot = driver.latest else {
                state.message = "no snapshot yet: the first comes one interval after the start"
                return
            }
            do {
                state.message = "saved " + (try SnapshotFile.write(snapshot, directory: FileManager.default.currentDirectoryPath))
            } catch {
                state.message = "could not save the snapshot: \(error)"
            }
        }
    }
}

/// Writes a snapshot as pretty JSON to a new file named after its timestamp.
enum SnapshotFile {
    /// Writes `snapshot` into `directory` (falling back to the temporary directory when that is not writable)
    /// and returns the path.
    static func write(_ snapshot: Snapshot, directory: String) throws -> String {
        let json = try SnapshotJSON.encode(snapshot, pretty: true) + "\n"
        // 2026-11-22T03:15:10.507Z → 20261122-031510
        let digits = snapshot.timestamp.prefix(19).filter(\.isNumber)
        let name = "perfdash-\(digits.prefix(8))-\(digits.dropFirst(8)).json"
        for dir in [directory, NSTemporaryDirectory()] {
            let path = URL(fileURLWithPath: dir).appendingPathComponent(name).path
            if FileManager.default.createFile(atPath: path, contents: Data(json.utf8)) { return path }
        }
        throw SnapshotFileError(name: name)
    }
}

/// Neither the working directory nor the temporary directory took the file.
struct SnapshotFileError: Error, CustomStringConvertible {
    var name: String
    var description: String { "cannot create \(name) in the working or temporary directory" }
}
