/// One numeric value of a snapshot with its name, labels and unit: what History records and the CSV and
/// Prometheus encoders write.
public struct FlatSeries: Sendable, Equatable {
    /// The series name (`disk.sda.read_bytes_per_second`), see `SeriesName`.
    public var name: String
    /// The name without its instance (`disk.read_bytes_per_second`); equal to `name` for series without labels.
    public var family: String
    /// The instance, e.g. `device=sda`, `interface=eth0`, `core=3`.
    public var labels: [SeriesLabel]
    /// The current value.
    public var value: Double
    /// The value's unit.
    public var unit: SeriesUnit

    /// Creates a series value.
    public init(name: String, family: String? = nil, labels: [SeriesLabel] = [], value: Double, unit: SeriesUnit) {
        self.name = name
        self.family = family ?? name
        self.labels = labels
        self.value = value
        self.unit = unit
    }
}

/// A label name and value.
public struct SeriesLabel: Sendable, Equatable, Hashable {
    /// The label name.
    public var name: String
    /// The label value.
    public var value: String

    /// Creates a label.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// Units of series values.
public enum SeriesUnit: String, Sendable, Equatable, Codable {
    /// Percent, 0…100.
    case percent
    /// Bytes.
    case bytes
    /// Bytes per second.
    case bytesPerSecond = "bytes_per_second"
    /// Events per second (I/O operations, packets, errors).
    case perSecond = "per_second"
    /// Runnable-task load average.
    case load
    /// A plain count (tasks, items).
    case count
    /// Seconds.
    case seconds
    /// A fraction 0…1.
    case ratio
    /// Degrees Celsius.
    case celsius
    /// Megahertz.
    case megahertz
    /// CPU cores (a limit or a use, as cpu.max counts them).
    case cores
    /// Memory pages per second.
    case pagesPerSecond = "pages_per_second"
}
