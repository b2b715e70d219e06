@testable import PerfdashCore
import PerfdashTestSupport
import Testing

/// Pressure, cgroup CPU, vmstat swap and sensors on the `extras` fixture (two readings 2 s apart); expected values
/// are computed by hand in the comments.
@Suite("PSI, cgroup CPU, swap activity and sensors")
struct HostExtrasTests {
    static func snapshot() throws -> Snapshot {
        let root1 = HostFixture.root("extras", 1), root2 = HostFixture.root("extras", 2)
        var sampler = Sampler(reader: try HostReader(root: root1),
                              configuration: SamplerConfiguration(processes: ProcessTableOptions(enabled: false)))
        _ = try sampler.tick(at: SampleTime(monotonic: .seconds(10), unixMilliseconds: 0))
        // The second reading comes from the other tree: compute it from two samples directly.
        let first = try HostReader(root: root1).sample(), second = try HostReader(root: root2).sample()
        var snapshot = Snapshot(timestampUnixMs: 0, intervalSeconds: 2, elapsedSeconds: 2, window: .oneMinute,
                                host: HostRates.compute(from: first, to: second, elapsed: .seconds(2)), stats: [:],
                                notes: [])
        snapshot.pressure = HostRates.pressure(from: first.pressure, to: second.pressure!, seconds: 2)
        return snapshot
    }

    @Test("pressure: the kernel's averages as read, stall % from Δtotal over Δt")
    func pressure() throws {
        let p = try #require(try Self.snapshot().pressure)
        let cpu = try #require(p.cpu)
        #expect(cpu.some == PressureFigures(avg10: 12.34, avg60: 3, avg300: 0.5, stallPercent: 25)) // 0.5 s / 2 s
        #expect(cpu.full?.stallPercent == 10)                 // 0.2 s / 2 s
        #expect(p.memory?.some.stallPercent == 2 && p.memory?.full == nil) // 0.04 s / 2 s; no full line
        #expect(p.io == nil)                                   // no proc/pressure/io in the tree
    }

    @Test("cgroup v2: limit from cpu.max, use and throttling from cpu.stat deltas")
    func cgroup() throws {
        let c = try #require(try Self.snapshot().host.cgroupCPU)
        #expect(c.limitCores == 1.5)                 // 150000 / 100000
        #expect(c.usageCores == 1)                   // 2 000 000 µs / 2 s
        #expect(c.throttledPercent == 25)            // 5 throttled of 20 periods
        #expect(approx(c.throttledSecondsPerSecond, 0.15)) // 300 000 µs / 2 s
    }

    @Test("vmstat swap rates, hwmon temperatures in natural order, cpufreq mean")
    func swapAndSensors() throws {
        let host = try Self.snapshot().host
        #expect(host.swapActivity == SwapActivity(inPagesPerSecond: 100, outPagesPerSecond: 0))
        let sensors = try #require(host.sensors)
        #expect(sensors.temperatures == [
            Temperature(chip: "coretemp", label: "Package id 0", celsius: 45),
            Temperature(chip: "coretemp", label: "temp2", celsius: 47.5),
            Temperature(chip: "acpitz", label: "temp1", celsius: -5),   // hwmon2 before hwmon10
            Temperature(chip: "nvme", label: "Composite", celsius: 38.85),
        ])
        #expect(sensors.meanFrequencyMHz == 1800)    // (2400 + 1200) / 2
    }

    @Test("the series the brief names, with their values")
    func series() throws {
        let values = Dictionary(try Self.snapshot().flatSeries().map { ($0.name, $0.value) }) { a, _ in a }
        #expect(values["pressure.cpu.some.stall_percent"] == 25)
        #expect(values["pressure.cpu.some.avg10"] == 12.34)
        #expect(values["pressure.cpu.full.avg300"] == 0.01)
        #expect(values["pressure.memory.full.avg10"] == nil)
        #expect(values["cpu.cgroup.throttled_percent"] == 25)
        #expect(values["cpu.cgroup.limit_cores"] == 1.5)
        #expect(values["memory.swap_in_pages_per_second"] == 100)
        #expect(values["memory.swap_out_pages_per_second"] == 0)
        #expect(values["temperature.coretemp.Package_id_0.celsius"] == 45)
        #expect(values["cpu.frequency_mhz"] == 1800)
    }

    @Test("absent sources leave their sections nil, with no note")
    func absent() throws {
        let reader = try HostReader(root: HostFixture.root("ordinary", 1))
        let sample = try reader.sample()
        #expect(sample.cgroupCPU == nil && sample.sensors == nil && sample.pressure == nil)
    }

    @Test("hostile pressure and cgroup files are refused", arguments: [
        "some avg10=1.00 avg60=x avg300=0 total=1\n", "full avg10=0 avg60=0 avg300=0 total=0\n",
        "some avg10=0 avg60=0 avg300=0 total=-1\n",
    ])
    func hostilePressure(text: String) {
        #expect(throws: HostReadError.self) { try PressureParser.parse(text) }
    }

    @Test("cpu.max: max means no limit; a zero period is refused")
    func cpuMax() throws {
        let unlimited = try CgroupCPUMaxParser.parse("max 100000\n")
        #expect(unlimited.0 == nil && unlimited.1 == 100000)
        #expect(throws: HostReadError.self) { try CgroupCPUMaxParser.parse("100 0\n") }
        // Throttled periods beyond the periods (a hostile file) are capped at 100 %.
        let a = CgroupCPU(quotaMicroseconds: nil, periodMicroseconds: 1, usageMicroseconds: 0, periods: 0,
                          throttledPeriods: 0, throttledMicroseconds: 0)
        var b = a
        b.periods = 2
        b.throttledPeriods = 9
        #expect(HostRates.cgroupCPU(from: a, to: b, seconds: 1).throttledPercent == 100)
    }
}
