/// The default theme compiled in, so the dashboard has colours even without a Themes/ directory.
///
/// The text is `Themes/default.theme` verbatim; a test keeps the two identical.
enum BuiltinTheme {
    static let text = """
    # perfdash default: a dark theme. btop's theme format: theme[key]="#RRGGBB", "#BW" (grey) or "R G B".
    # An empty value means the terminal's own colour.

    # Screen background and text. The background is the terminal's own: blank cells then cost nothing on the wire
    # (terminals such as tmux cannot clear to a colour, so a coloured background is sent as one space per cell).
    theme[main_bg]=""
    theme[main_fg]="#c5cad3"
    theme[title]="#eef0f4"
    theme[hi_fg]="#5cb4f2"
    theme[selected_bg]="#28496c"
    theme[selected_fg]="#ffffff"
    theme[inactive_fg]="#555c68"
    theme[graph_text]="#8a93a1"
    theme[meter_bg]="#2a303a"
    theme[div_line]="#3b424e"

    # Box outlines
    theme[cpu_box]="#4c9c6c"
    theme[mem_box]="#a8983c"
    theme[net_box]="#5f6fd4"
    theme[proc_box]="#b45a5a"

    # Gradients: start, mid, end
    theme[cpu_start]="#50d28f"
    theme[cpu_mid]="#e6cf5c"
    theme[cpu_end]="#f04646"
    theme[used_start]="#d98a5a"
    theme[used_mid]="#e0665e"
    theme[used_end]="#ff4769"
    theme[free_start]="#5e8c3a"
    theme[free_mid]="#9fd270"
    theme[free_end]="#cff28a"
    theme[cached_start]="#2c6b8c"
    theme[cached_mid]="#5cc8e8"
    theme[cached_end]="#8ee6ff"
    theme[available_start]="#8c7430"
    theme[available_mid]="#e8c468"
    theme[available_end]="#ffd27a"
    theme[download_start]="#3a4fa8"
    theme[download_mid]="#6a7be0"
    theme[download_end]="#aab6ff"
    theme[upload_start]="#8a3a8c"
    theme[upload_mid]="#c064c2"
    theme[upload_end]="#f0aef0"
    theme[process_start]="#80d0a3"
    theme[process_mid]="#dcd179"
    theme[process_end]="#d45454"
    """

    // The text is a literal that a test parses; a failure here is a build defect caught by that test.
    static let theme: Theme = (try? ThemeParser.parse(text, name: "default", file: "<built-in default>"))
        ?? Theme(name: "default", colors: [:])
}
