import Foundation

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
        var header: [String]?
        var sawData = false
        for (offset, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let lineNumber = offset + 1
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            func fail(_ reason: String) -> ParseError { ParseError(file: file, line: lineNumber, reason: reason) }

            guard let time = Double(fields[0]) else {
                if !sawData, header == nil {
                    header = fields
                    continue
                }
                throw fail("time \"\(fields[0])\" is not a number of seconds")
            }
            guard time.isFinite else { throw fail("time \"\(fields[0])\" is not a finite number") }
            if let previous = rows.last, time < previous.time {
                throw fail("time \(MetricUnit.plain(time)) is before the previous row's \(MetricUnit.plain(previous.time))")
            }
            sawData = true
            var values: [String: Double] = [:]
            let positional = fields.dropFirst().filter { !$0.contains("=") }.count
            for (column, field) in fields.enumerated().dropFirst() where !field.isEmpty {
                let name: String
                let number: Substring
                if let equals = field.firstIndex(of: "=") {
                    name = field[..<equals].trimmingCharacters(in: .whitespaces)
                    number = field[field.index(after: equals)...]
                    guard !name.isEmpty else { throw fail("\"\(field)\" has no name before \"=\"") }
                } else if let header {
                    guard column < header.count, !header[column].isEmpty else {
                        throw fail("column \(column + 1) has no name in the header")
                    }
                    // `seconds,value` names no series: the value is the autoscaler's own metric.
                    name = header[column] == "value" ? defaultSeries : header[column]
                    number = Substring(field)
                } else if positional == 1 {
                    name = defaultSeries
                    number = Substring(field)
                } else {
                    throw fail("\(positional) values without names: add a header or write name=value")
                }
                let trimmed = number.trimmingCharacters(in: .whitespaces)
                guard let value = Double(trimmed), value.isFinite else {
                    throw fail("value \"\(trimmed)\" for \(name) is not a number")
                }
                values[name] = value
            }
            rows.append(Row(time: time, values: values, line: lineNumber))
        }
        return rows
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
