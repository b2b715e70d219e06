import CNcursesw
import Glibc

/// The one place that talks to curses: sets the terminal up, blits canvases by difference, reads keys, and puts
/// the terminal back however the program ends.
///
/// Not thread-safe (curses is not): create, use and shut it down on one thread.
public final class CursesTerminal {
    /// The colour depth in use.
    public let colorMode: ColorMode
    private var resolver: StyleResolver
    private var previous: Canvas?
    private var styleCache: [Style: (attr: attr_t, pair: Int32)] = [:]
    private var pairs: [PairKey: Int32] = [:]
    private var active = true
    private var scratch: [wchar_t] = []

    private struct PairKey: Hashable {
        var fg: Int32
        var bg: Int32
    }

    /// Whether both standard input and standard output are terminals.
    public static var isInteractive: Bool { isatty(0) == 1 && isatty(1) == 1 }

    /// Puts the terminal in dashboard mode: locale, alternate screen, no echo, keypad, mouse, hidden cursor, and
    /// a `getch` that never waits (the loop sleeps in `waitForInput`).
    ///
    /// `cbreak` rather than `raw`: Ctrl-C must stay a SIGINT and Ctrl-Z a SIGTSTP that ncurses turns into a clean
    /// suspend and a full redraw on `fg`.
    public init(theme: Theme, environment: [String: String]) {
        setlocale(LC_ALL, "")
        initscr()
        cbreak()
        noecho()
        nonl()
        keypad(pd_stdscr(), true)
        wtimeout(pd_stdscr(), 0)
        set_escdelay(25)
        curs_set(0)
        mousemask(pd_button1_clicked() | pd_button1_pressed(), nil)
        mouseinterval(0)
        // COLORS is only known after start_color(), and NO_COLOR means colour is never switched on at all.
        var mode = ColorMode.none
        if has_colors(), ColorMode.detect(environment: environment, terminalColors: 8, hasColors: true) != .none {
            start_color()
            use_default_colors()
            mode = ColorMode.detect(environment: environment, terminalColors: Int(pd_colors()), hasColors: true)
        }
        colorMode = mode
        resolver = StyleResolver(theme: theme, mode: mode)
        CrashGuard.install()
        applyBackground()
    }

    deinit { shutdown() }

    /// Restores the terminal (cursor, echo, colours, main screen). Safe to call more than once.
    public func shutdown() {
        guard active else { return }
        active = false
        endwin()
    }

    /// The terminal size in cells.
    public var size: (width: Int, height: Int) { (Int(pd_cols()), Int(pd_lines())) }

    /// Switches theme; every cell is sent again in the new colours on the next draw.
    public func setTheme(_ theme: Theme) {
        resolver = StyleResolver(theme: theme, mode: colorMode)
        styleCache.removeAll(keepingCapacity: true)
        previous = nil
        applyBackground()
        clearok(pd_stdscr(), true)
    }

    /// The theme's plain style becomes the window background, so the many blank cells of a frame cost nothing.
    private func applyBackground() {
        let plain = attributes(for: .plain)
        pd_set_background(pd_stdscr(), plain.attr, plain.pair)
    }

    /// Forgets what is on the screen and erases it: after a resize, when the old frame no longer lines up.
    public func invalidate() {
        previous = nil
        werase(pd_stdscr())
    }

    /// Sends the cells of `canvas` that differ from the previous frame, then updates the terminal once.
    public func draw(_ canvas: Canvas) {
        let old = previous.flatMap { $0.width == canvas.width && $0.height == canvas.height ? $0 : nil }
        if old == nil { werase(pd_stdscr()) }
        var wrote = false
        for y in 0..<canvas.height {
            var x = 0
            while x < canvas.width {
                let index = y * canvas.width + x
                let cell = canvas.cells[index]
                if cell.isContinuation || old?.cells[index] == cell {
                    x += 1
                    continue
                }
                // A run of changed cells in one style goes out in one call.
                scratch.removeAll(keepingCapacity: true)
                let style = cell.style
                let start = x
                while x < canvas.width {
                    let i = y * canvas.width + x
                    let c = canvas.cells[i]
                    if c.isContinuation { x += 1; continue }
                    if c.style != style || old?.cells[i] == c { break }
                    c.forEachScalar { scratch.append(wchar_t(bitPattern: $0)) }
                    x += Int(c.width)
                }
                apply(style)
                wmove(pd_stdscr(), Int32(y), Int32(start))
                waddnwstr(pd_stdscr(), scratch, Int32(scratch.count))
                wrote = true
            }
        }
        previous = canvas
        if wrote {
            wnoutrefresh(pd_stdscr())
            doupdate()
        }
    }

    /// Has SIGWINCH also write to `wake`, so a resize wakes `waitForInput` whichever thread the signal lands on.
    /// ncurses' own handler still runs and still turns the signal into KEY_RESIZE.
    public func wakeOnResize(_ wake: WakePipe) {
        pd_chain_sigwinch(wake.writeDescriptorForSignals)
    }

    /// Sleeps until a key arrives, `wake` is signalled (new data, a quit signal, a resize), or
    /// `timeoutMilliseconds` pass. Returns whether `readKey()` has something to report: a key, or a resize (the
    /// size is compared with the terminal's after every wake-up).
    public func waitForInput(wake: WakePipe, timeoutMilliseconds: Int32 = 1000) -> Bool {
        let ready = pd_wait_input(wake.readDescriptor, timeoutMilliseconds)
        if ready & 2 != 0 { wake.drain() }
        if ready & 1 != 0 { return true }
        var rows: Int32 = 0, cols: Int32 = 0
        return pd_terminal_size(&rows, &cols) == 0 && (rows != pd_lines() || cols != pd_cols())
    }

    /// The next pending key, without waiting; nil when there is none.
    public func readKey() -> Key? {
        var isKeyCode: Int32 = 0
        let code = pd_get_wch(pd_stdscr(), &isKeyCode)
        guard code >= 0 else { return nil }
        if isKeyCode == 0 {
            switch code {
            case 9: return .tab
            case 10, 13: return .enter
            case 27: return .escape
            case 8, 127: return .backspace
            case 3: return .character("q") // Ctrl-C when the terminal does not turn it into SIGINT
            default: return Unicode.Scalar(UInt32(code)).map { .character(Character($0)) }
            }
        }
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case pd_key_btab(): return .backTab
        case pd_key_resize(): return .resize
        case pd_key_mouse():
            var event = MEVENT()
            guard getmouse(&event) == OK,
                  event.bstate & (pd_button1_clicked() | pd_button1_pressed()) != 0 else { return nil }
            return .click(x: Int(event.x), y: Int(event.y))
        default:
            for n in 1...12 where code == pd_key_f(Int32(n)) { return .function(n) }
            return nil
        }
    }

    private func apply(_ style: Style) {
        let resolved = attributes(for: style)
        pd_attr_set(pd_stdscr(), resolved.attr, resolved.pair)
    }

    /// The curses attributes and colour pair for a style, cached.
    private func attributes(for style: Style) -> (attr: attr_t, pair: Int32) {
        if let cached = styleCache[style] { return cached }
        let resolved = resolver.resolve(style)
        var attr = pd_a_normal()
        if resolved.attributes.contains(.bold) { attr |= pd_a_bold() }
        if resolved.attributes.contains(.reverse) { attr |= pd_a_reverse() }
        if resolved.attributes.contains(.underline) { attr |= pd_a_underline() }
        if resolved.attributes.contains(.dim) { attr |= pd_a_dim() }
        let pair = pairNumber(fg: resolved.fg, bg: resolved.bg)
        styleCache[style] = (attr, pair)
        return (attr, pair)
    }

    private func pairNumber(fg: Int?, bg: Int?) -> Int32 {
        guard colorMode != .none, fg != nil || bg != nil else { return 0 }
        let key = PairKey(fg: Int32(fg ?? -1), bg: Int32(bg ?? -1))
        if let pair = pairs[key] { return pair }
        if pairs.count + 1 >= Int(pd_color_pairs()) {
            // Out of pairs (a theme with more colours than an 8-colour terminal has pairs): start over.
            pairs.removeAll()
            styleCache.removeAll()
            previous = nil
        }
        let pair = Int32(pairs.count + 1)
        init_extended_pair(pair, key.fg, key.bg)
        pairs[key] = pair
        return pair
    }
}
