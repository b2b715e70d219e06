/// Writes one exposition into bytes, family by family, in Prometheus text 0.0.4 or OpenMetrics 1.0.0.
///
/// The caller names each family once (`family`) and then writes its samples (`sample`); names and label names are
/// sanitised to `[a-zA-Z_:][a-zA-Z0-9_:]*` / `[a-zA-Z_][a-zA-Z0-9_]*`, label values escaped (`\\`, `\"`, `\n`),
/// numbers written so they read back as the same Double (`NaN`, `+Inf`, `-Inf`).
struct ExpositionWriter {
    /// The type of a family.
    enum FamilyType: String {
        case gauge
        case counter
    }

    let format: ServeFormat
    private(set) var bytes: [UInt8] = []
    /// The current family's name and type, for its samples' names.
    private var current: (name: String, type: FamilyType) = ("", .gauge)

    init(format: ServeFormat, reserving capacity: Int = 16_384) {
        self.format = format
        bytes.reserveCapacity(capacity)
    }

    /// Starts a family: `# HELP`, `# TYPE` and, in OpenMetrics when the name ends with it, `# UNIT`.
    /// A counter's `name` is given without `_total`: the writer adds it where each format wants it.
    mutating func family(_ name: String, type: FamilyType, help: String, unit: String? = nil) {
        let name = Self.metricName(name)
        current = (name, type)
        let exposed = format == .prometheusText && type == .counter ? name + "_total" : name
        append("# HELP ")
        append(exposed)
        append(" ")
        appendHelp(help)
        append("\n# TYPE ")
        append(exposed)
        append(" ")
        append(type.rawValue)
        append("\n")
        if format == .openMetrics, let unit, name.hasSuffix("_" + unit) {
            append("# UNIT \(name) \(unit)\n")
        }
    }

    /// One sample of the current family.
    mutating func sample(_ labels: [SeriesLabel], _ value: Double) {
        append(current.name)
        if current.type == .counter { append("_total") }
        if !labels.isEmpty {
            append("{")
            for (index, label) in labels.enumerated() {
                if index > 0 { append(",") }
                append(Self.labelName(label.name))
                append("=\"")
                appendEscaped(label.value)
                append("\"")
            }
            append("}")
        }
        append(" ")
        append(Self.number(value))
        append("\n")
    }

    /// Ends the exposition (`# EOF` in OpenMetrics) and returns its bytes.
    mutating func finish() -> [UInt8] {
        if format == .openMetrics { append("# EOF\n") }
        return bytes
    }

    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    private mutating func appendHelp(_ text: String) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): append("\\\\")
            case UInt8(ascii: "\n"): append("\\n")
            case UInt8(ascii: "\""): if format == .openMetrics { append("\\\"") } else { bytes.append(byte) }
            default: bytes.append(byte)
            }
        }
    }

    private mutating func appendEscaped(_ text: String) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): append("\\\\")
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\n"): append("\\n")
            default: bytes.append(byte)
            }
        }
    }

    /// `[a-zA-Z_:][a-zA-Z0-9_:]*`: every other character becomes `_`, a leading digit gets a `_` before it.
    static func metricName(_ text: String) -> String {
        sanitise(text, allowColon: true)
    }

    /// `[a-zA-Z_][a-zA-Z0-9_]*`, the same way.
    static func labelName(_ text: String) -> String {
        sanitise(text, allowColon: false)
    }

    private static func sanitise(_ text: String, allowColon: Bool) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let ok = scalar.isASCII && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                || ("0"..."9").contains(scalar) || scalar == "_" || (allowColon && scalar == ":"))
            scalars.append(ok ? scalar : "_")
        }
        if let first = scalars.first, ("0"..."9").contains(first) || scalars.isEmpty { scalars.insert("_", at: scalars.startIndex) }
        return scalars.isEmpty ? "_" : String(scalars)
    }

    /// The shortest text that reads back as `value`; integers without a fraction.
    static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if abs(value) < 1e15, let whole = Int64(exactly: value) { return String(whole) }
        return String(value)
    }
}
