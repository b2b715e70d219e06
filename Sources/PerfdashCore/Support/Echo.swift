/// Cuts input quoted back in an error line, so a 3 MB bad value makes a one-line error, not a 3 MB one.
public enum Echo {
    /// The most characters of input an error line repeats.
    public static let limit = 80

    /// `text` itself when short, else its first `limit` characters and "…"; control characters are shown as `?`
    /// so an error line stays one line.
    public static func cut(_ text: some StringProtocol, limit: Int = Echo.limit) -> String {
        var out = ""
        var count = 0
        for character in text {
            if count == limit { return out + "…" }
            out.append(character.isNewline || character.asciiValue.map { $0 < 0x20 || $0 == 0x7F } == true
                       ? "?" : character)
            count += 1
        }
        return out
    }
}
