/// Splits a command written as one string (`--alert-command 'notify-send -u critical "perfdash alert"'`) into
/// arguments the way a POSIX shell splits words, without ever running a shell: no expansion, no globbing, no
/// pipes or redirections (their characters are plain text).
///
/// Rules: unquoted blanks separate words; `'…'` keeps everything literally; `"…"` keeps everything except that
/// `\"`, `\\` and `\$`, `` \` `` lose their backslash; outside quotes a backslash keeps the next character.
public enum CommandLineSplit {
    /// Why a command line was refused.
    public struct SplitError: Error, Sendable, Equatable, CustomStringConvertible {
        /// What is wrong.
        public var description: String
    }

    /// The arguments of `text`; refuses an empty command and unterminated quotes or escapes.
    public static func split(_ text: String) throws(SplitError) -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in text {
            if escaped {
                if quote == "\"", !"\"\\$`".contains(character) { word.append("\\") }
                word.append(character)
                escaped = false
                continue
            }
            switch (quote, character) {
            case ("'", "'"), ("\"", "\""):
                quote = nil
            case ("'", _):
                word.append(character)
            case ("\"", "\\"), (nil, "\\"):
                escaped = true
                inWord = true
            case ("\"", _):
                word.append(character)
            case (nil, "'"), (nil, "\""):
                quote = character
                inWord = true
            case (nil, " "), (nil, "\t"), (nil, "\n"):
                if inWord { words.append(word) }
                word = ""
                inWord = false
            default:
                word.append(character)
                inWord = true
            }
        }
        if escaped { throw SplitError(description: "the command ends with a lone backslash") }
        if let quote { throw SplitError(description: "unterminated \(quote) quote in the command") }
        if inWord { words.append(word) }
        guard let first = words.first, !first.isEmpty else { throw SplitError(description: "the command is empty") }
        return words
    }
}
