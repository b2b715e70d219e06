/// A metric history to replay: CSV rows of `seconds,value` or `seconds,name=value,...`.
///
/// Blank lines and lines starting with `#` are skipped. An optional header (a first line whose first field is not a
/// number) names the positional columns: `seconds,cpu.busy_percent,memory.used_percent`. A single positional value
/// without a header, or under the header name `value`, belongs to `defaultSeries`. Empty fields are missing samples. Times must not go backwards.
public enum SimulationInput {
    /// One row: a time and the values sampled then.
    public struct Row: Sendable, Equatable {
        /// Seconds, as written.
        public var time: Double
        /// Series name → value.
        public var values: [String: Double]
        /// 1-based line number in the file.
        public var line: Int

        /// Creates a row.
        public init(time: Double, values: [String: Double], line: Int) {
            self.time = time
            self.values = values
            self.line = line
        }
    }

    /// A bad line: `file:line: reason`.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        /// The file as named by the user.
        public var file: String
        /// 1-based line number.
        public var line: Int
        /// What is wrong.
        public var reason: String

        /// `file:line: reason`.
        public var description: String { "\(file):\(line): \(reason)" }
    }

    /// Parses the whole text; the first bad line throws.
    public static func parse(_ text: String, file: String, defaultSeries: String) throws(ParseError) -> [Row] {
        var rows: [Row] = []
        var header: [Substring]?
        for (offset, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = trim(rawLine)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(trim)
            do throws(LineError) {
                guard let time = Double(fields[0]) else {
                    // Only a first line may be a header.
                    if rows.isEmpty, header == nil {
                        header = fields
                        continue
                    }
                    throw LineError("time \"\(Echo.cut(fields[0]))\" is not a number of seconds")
                }
                guard time.isFinite else { throw LineError("time \"\(Echo.cut(fields[0]))\" is not a finite number") }
                if let previous = rows.last, time < previous.time {
                    throw LineError("time \(MetricUnit.plain(time)) is before the previous row's "
                        + MetricUnit.plain(previous.time))
                }
                let values = try values(of: fields, header: header, defaultSeries: defaultSeries)
                rows.append(Row(time: time, values: values, line: offset + 1))
            } catch {
                throw ParseError(file: file, line: offset + 1, reason: error.reason)
            }
        }
        return rows
    }

    private struct LineError: Error {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }

    /// The values of one data row (fields after the time), named by `name=`, the header, or the default series.
    private static func values(of fields: [Substring], header: [Substring]?,
                               defaultSeries: String) throws(LineError) -> [String: Double] {
        var values: [String: Double] = [:]
        let positional = fields.dropFirst().count { !$0.contains("=") }
        for (column, field) in fields.enumerated().dropFirst() where !field.isEmpty {
            let name: String
            var number = field
            if let equals = field.firstIndex(of: "=") {
                name = String(trim(field[..<equals]))
                number = trim(field[field.index(after: equals)...])
                guard !name.isEmpty else { throw LineError("\"\(Echo.cut(field))\" has no name before \"=\"") }
            } else if let header {
                guard column < header.count, !header[column].isEmpty else {
                    throw LineError("column \(column + 1) has no name in the header")
                }
                // `seconds,value` names no series: the value is the autoscaler's own metric.
                name = header[column] == "value" ? defaultSeries : String(header[column])
            } else if positional == 1 {
                name = defaultSeries
            } else {
                throw LineError("\(positional) values without names: add a header or write name=value")
            }
            guard let value = Double(number), value.isFinite else {
                throw LineError("value \"\(Echo.cut(number))\" for \(Echo.cut(name)) is not a number")
            }
            values[name] = value
        }
        return values
    }

    private static func trim(_ text: Substring) -> Substring {
        let isText: (Character) -> Bool = { !($0 == " " || $0 == "\t" || $0.isNewline) }
        guard let first = text.firstIndex(where: isText), let last = text.lastIndex(where: isText) else {
            return text[text.endIndex...]
        }
        return text[first...last]
    }
}

/// Replays rows through one ``Autoscaler``, exactly as the dashboard steps it: one step per row.
public enum AutoscaleSimulation {
    /// The recommendation of every step, in order.
    public static func run(spec: AutoscalerSpec, rows: [SimulationInput.Row]) -> [Recommendation] {
        var autoscaler = Autoscaler(spec: spec)
        return rows.map { autoscaler.step(now: $0.time, samples: $0.values) }
    }
}
