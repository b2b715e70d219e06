#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// One temperature sensor.
public struct Temperature: Sendable, Equatable, Codable {
    /// The hwmon chip's `name` (`coretemp`, `k10temp`, `nvme`, `acpitz`…).
    public var chip: String
    /// The sensor's `tempN_label` (`Package id 0`, `Tctl`), else `tempN`.
    public var label: String
    /// tempN_input / 1000.
    public var celsius: Double

    /// Creates a reading.
    public init(chip: String, label: String, celsius: Double) {
        self.chip = chip
        self.label = label
        self.celsius = celsius
    }
}

/// Temperatures (hwmon) and core frequencies (cpufreq), where the machine exposes them.
public struct SensorsReading: Sendable, Equatable, Codable {
    /// Every hwmon temperature input, chips in directory order.
    public var temperatures: [Temperature]
    /// scaling_cur_freq of each CPU with cpufreq, by CPU number.
    public var frequencies: [CoreFrequency]

    /// Creates a reading.
    public init(temperatures: [Temperature], frequencies: [CoreFrequency]) {
        self.temperatures = temperatures
        self.frequencies = frequencies
    }

    /// The mean of the core frequencies; nil without cpufreq.
    public var meanFrequencyMHz: Double? {
        frequencies.isEmpty ? nil : frequencies.reduce(0) { $0 + $1.mhz } / Double(frequencies.count)
    }

    /// `temperature.<chip>.<label>.celsius` per sensor and `cpu.frequency_mhz` (the mean).
    public func flatSeries() -> [FlatSeries] {
        var out = temperatures.map { t in
            FlatSeries(name: SeriesName.temperature(chip: t.chip, label: t.label), family: "temperature.celsius",
                       labels: [SeriesLabel("chip", t.chip), SeriesLabel("sensor", t.label)], value: t.celsius,
                       unit: .celsius)
        }
        if let mean = meanFrequencyMHz {
            out.append(FlatSeries(name: SeriesName.cpuFrequency, value: mean, unit: .megahertz))
        }
        return out
    }
}

/// One CPU's current frequency.
public struct CoreFrequency: Sendable, Equatable, Codable {
    /// N of cpuN.
    public var cpu: Int
    /// scaling_cur_freq / 1000.
    public var mhz: Double

    /// Creates a reading.
    public init(cpu: Int, mhz: Double) {
        self.cpu = cpu
        self.mhz = mhz
    }
}

/// Reads one number per file (millidegrees, kHz) and scales it.
package enum SensorValueParser: ProcParser {
    package static func parse(_ bytes: UnsafeRawBufferPointer) throws(HostReadError) -> Double {
        var scanner = ByteScanner(bytes)
        var negative = false
        if scanner.current == UInt8(ascii: "-") {
            negative = true
            scanner.index += 1
        }
        guard let value = scanner.unsigned() else {
            throw .malformed(path: "sys/class/hwmon", line: 1, message: "not a number: '\(scanner.lineExcerpt())'")
        }
        return negative ? -Double(value) : Double(value)
    }
}

/// Discovers hwmon temperature inputs and cpufreq files under a root once, and reads them (kept open) each tick.
///
/// A sensor that fails to read (a driver that returns EIO when the device sleeps) is left out of that tick.
public struct SensorsReader: Sendable {
    private let temperatures: [(chip: String, label: String, file: ProcReader<SensorValueParser>)]
    private let frequencies: [(cpu: Int, file: ProcReader<SensorValueParser>)]

    /// Finds the files; nil when the machine exposes neither temperatures nor frequencies.
    public init?(root: String) {
        var temperatures: [(String, String, ProcReader<SensorValueParser>)] = []
        let hwmon = HostPath.join(root, "sys/class/hwmon")
        for chipDirectory in Directory.names(hwmon).sorted(by: Self.naturalOrder) {
            let base = "sys/class/hwmon/" + chipDirectory
            let chip = Self.text(root, base + "/name") ?? chipDirectory
            let inputs = Directory.names(HostPath.join(root, base))
                .filter { $0.hasPrefix("temp") && $0.hasSuffix("_input") }.sorted(by: Self.naturalOrder)
            for input in inputs {
                guard let file = try? ProcReader<SensorValueParser>(root: root, relativePath: base + "/" + input) else {
                    continue
                }
                let stem = String(input.dropLast("_input".count))
                temperatures.append((chip, Self.text(root, base + "/" + stem + "_label") ?? stem, file))
            }
        }
        var frequencies: [(Int, ProcReader<SensorValueParser>)] = []
        for name in Directory.names(HostPath.join(root, "sys/devices/system/cpu")) where name.hasPrefix("cpu") {
            guard let cpu = Int(name.dropFirst(3)),
                  let file = try? ProcReader<SensorValueParser>(
                      root: root, relativePath: "sys/devices/system/cpu/\(name)/cpufreq/scaling_cur_freq") else {
                continue
            }
            frequencies.append((cpu, file))
        }
        guard !temperatures.isEmpty || !frequencies.isEmpty else { return nil }
        self.temperatures = temperatures
        self.frequencies = frequencies.sorted { $0.0 < $1.0 }
    }

    /// Reads every sensor found.
    public func read() -> SensorsReading {
        let frequencies = self.frequencies.compactMap { entry -> CoreFrequency? in
            guard let khz = try? entry.file.read() else { return nil }
            return CoreFrequency(cpu: entry.cpu, mhz: khz / 1000)
        }
        let temperatures = self.temperatures.compactMap { entry -> Temperature? in
            guard let milli = try? entry.file.read() else { return nil }
            return Temperature(chip: entry.chip, label: entry.label, celsius: milli / 1000)
        }
        return SensorsReading(temperatures: temperatures, frequencies: frequencies)
    }

    /// The first line of a small text file, trimmed; nil when absent or empty.
    private static func text(_ root: String, _ relative: String) -> String? {
        guard let file = try? ProcFile(path: HostPath.join(root, relative), initialCapacity: 256),
              let line = try? file.withContents({ (bytes: UnsafeRawBufferPointer) throws(HostReadError) -> String in
                  String(decoding: bytes.prefix { $0 != ASCII.newline }, as: UTF8.self)
              }) else { return nil }
        let trimmed = line.trimmingBlanks()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// `hwmon2` before `hwmon10`, `temp2_input` before `temp10_input`.
    static func naturalOrder(_ a: String, _ b: String) -> Bool {
        let digitsA = a.reversed().prefix { $0.isNumber }.count, digitsB = b.reversed().prefix { $0.isNumber }.count
        let stemA = a.dropLast(digitsA), stemB = b.dropLast(digitsB)
        if stemA != stemB || digitsA == 0 || digitsB == 0 { return a < b }
        return (Int(a.suffix(digitsA)) ?? 0) < (Int(b.suffix(digitsB)) ?? 0)
    }
}

/// Listing directory entries without Foundation.
enum Directory {
    /// The names in `path` except `.` and `..`; empty when it cannot be opened.
    static func names(_ path: String) -> [String] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names
    }
}
