import PerfdashCore

extension FuzzTarget {
    /// The host files read after the first six: pressure, vmstat, the container's CPU limit, sensors, mounts, and
    /// the process table's files under /proc/PID and /etc/passwd.
    static let host: [FuzzTarget] = [
        proc("proc-pressure", parse: { try PressureParser.parse($0) }, file: "pressure/cpu") { previous, current in
            _ = HostRates.pressure(from: previous.map { PressureSample(cpu: $0, memory: $0, io: nil) },
                                   to: PressureSample(cpu: current, memory: current, io: current), seconds: 1e-9)
        },
        proc("proc-vmstat", parse: { try VMStatParser.parse($0) }, file: "vmstat") { previous, current in
            _ = HostRates.swap(from: previous, to: current, seconds: 1e-9)
        },
        proc("cgroup-cpu-max", parse: { try CgroupCPUMaxParser.parse($0) }, file: "cpu.max") { _, current in
            let counters = CgroupCPU(quotaMicroseconds: current.0, periodMicroseconds: current.1,
                                     usageMicroseconds: .max, periods: .max, throttledPeriods: .max,
                                     throttledMicroseconds: .max)
            _ = HostRates.cgroupCPU(from: counters, to: counters, seconds: 1e-9)
        },
        proc("cgroup-cpu-stat", parse: { try CgroupCPUStatParser.parse($0) }, file: "cpu.stat") { previous, current in
            func counters(_ stat: (usage: UInt64, periods: UInt64, throttled: UInt64, throttledMicroseconds: UInt64))
                -> CgroupCPU {
                CgroupCPU(quotaMicroseconds: 1, periodMicroseconds: 1, usageMicroseconds: stat.usage,
                          periods: stat.periods, throttledPeriods: stat.throttled,
                          throttledMicroseconds: stat.throttledMicroseconds)
            }
            _ = HostRates.cgroupCPU(from: previous.map(counters), to: counters(current), seconds: 1e-9)
        },
        // One number per file: hwmon's tempN_input (millidegrees) and cpufreq's scaling_cur_freq (kHz).
        FuzzTarget(name: "sensor-value", seeds: ["host"], seedFiles: ["_input", "scaling_cur_freq"], maxLength: 256) {
            bytes in
            guard let value = try? SensorValueParser.parse(bytes) else { return }
            let reading = SensorsReading(temperatures: [Temperature(chip: "c", label: "l", celsius: value / 1000)],
                                         frequencies: [CoreFrequency(cpu: 0, mhz: value / 1000)])
            _ = reading.flatSeries()
        },
        FuzzTarget(name: "proc-mounts", seeds: ["processes"], seedFiles: ["/mounts"]) { bytes in
            _ = try? MountsParser.parse(bytes)
        },
        proc("proc-pid-stat", parse: { try ProcessStatParser.parse($0) }, file: "stat", seeds: ["processes"]),
        proc("proc-pid-status", parse: { try ProcessStatusParser.parse($0) }, file: "status", seeds: ["processes"]),
        proc("proc-pid-io", parse: { try ProcessIOParser.parse($0) }, file: "io", seeds: ["processes"]),
        // NUL bytes separate the arguments here, so the input is one file, never two readings. Inputs run past
        // the parser's 4,096-byte cut, so the cut itself (and where it lands in a character) is fuzzed.
        FuzzTarget(name: "proc-pid-cmdline", seeds: ["processes"], seedFiles: ["/cmdline"], maxLength: 8192) { bytes in
            _ = try? ProcessCmdlineParser.parse(bytes)
        },
        FuzzTarget(name: "passwd", seeds: ["processes"], seedFiles: ["/passwd"]) { bytes in
            _ = try? PasswdParser.parse(bytes)
        },
    ]
}
