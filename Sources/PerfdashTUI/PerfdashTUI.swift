import CNcursesw
import PerfdashCore

/// PerfdashTUI: the Canvas, widgets, panels, themes and the single curses backend.
public enum PerfdashTUI {
    /// The ncurses version string the backend links against.
    public static var cursesVersion: String { String(cString: curses_version()) }
}
