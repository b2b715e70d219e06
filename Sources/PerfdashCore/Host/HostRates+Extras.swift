extension HostRates {
    /// The container's CPU limit, use and throttling between two cpu.max/cpu.stat readings.
    public static func cgroupCPU(from previous: CgroupCPU?, to current: CgroupCPU, seconds: Double) -> CgroupCPUReading {
        let limit = current.quotaMicroseconds.map { Double($0) / Double(max(1, current.periodMicroseconds)) }
        guard let previous, seconds > 0 else {
            return CgroupCPUReading(limitCores: limit, usageCores: 0, throttledPercent: 0, throttledSecondsPerSecond: 0)
        }
        let periods = delta(previous.periods, current.periods)
        let throttled = min(delta(previous.throttledPeriods, current.throttledPeriods), periods)
        return CgroupCPUReading(
            limitCores: limit,
            usageCores: Double(delta(previous.usageMicroseconds, current.usageMicroseconds)) / 1e6 / seconds,
            throttledPercent: periods > 0 ? 100 * Double(throttled) / Double(periods) : 0,
            throttledSecondsPerSecond: Double(delta(previous.throttledMicroseconds, current.throttledMicroseconds))
                / 1e6 / seconds)
    }

    /// Pages swapped in and out per second.
    public static func swap(from previous: SwapCounters?, to current: SwapCounters, seconds: Double) -> SwapActivity {
        guard let previous, seconds > 0 else { return SwapActivity(inPagesPerSecond: 0, outPagesPerSecond: 0) }
        return SwapActivity(inPagesPerSecond: Double(delta(previous.pagesIn, current.pagesIn)) / seconds,
                            outPagesPerSecond: Double(delta(previous.pagesOut, current.pagesOut)) / seconds)
    }

    /// The pressure reading: the kernel's averages as read, and the stall share from the totals' deltas.
    public static func pressure(from previous: PressureSample?, to current: PressureSample,
                                seconds: Double) -> PressureReading {
        func figures(_ before: PressureLine?, _ after: PressureLine) -> PressureFigures {
            var stall = 0.0
            if let before, seconds > 0 {
                stall = min(100, Double(delta(before.totalMicroseconds, after.totalMicroseconds)) / (seconds * 1e6) * 100)
            }
            return PressureFigures(avg10: after.avg10, avg60: after.avg60, avg300: after.avg300, stallPercent: stall)
        }
        func resource(_ before: PressureFile?, _ after: PressureFile?) -> ResourcePressure? {
            guard let after else { return nil }
            return ResourcePressure(some: figures(before?.some, after.some),
                                    full: after.full.map { figures(before?.full, $0) })
        }
        return PressureReading(cpu: resource(previous?.cpu, current.cpu),
                               memory: resource(previous?.memory, current.memory),
                               io: resource(previous?.io, current.io))
    }
}
