extension HostReading: JSONWritable {
    /// `{cgroup_cpu, cpu, disks, load, memory, network, sensors, swap_activity}`, absent sections left out.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            if let cgroupCPU { w.key("cgroup_cpu"); cgroupCPU.writeJSON(to: &w) }
            w.key("cpu"); cpu.writeJSON(to: &w)
            if let disks { w.key("disks"); disks.writeJSON(to: &w) }
            if let load { w.key("load"); load.writeJSON(to: &w) }
            if let memory { w.key("memory"); memory.writeJSON(to: &w) }
            if let network { w.key("network"); network.writeJSON(to: &w) }
            if let sensors { w.key("sensors"); sensors.writeJSON(to: &w) }
            if let swapActivity { w.key("swap_activity"); swapActivity.writeJSON(to: &w) }
        }
    }
}

extension CPUReading: JSONWritable {
    /// `{cores: [{id, shares}], total}`.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("cores")
            w.array(cores) { w, core in
                w.object { w in
                    w.key("id"); w.value(core.id)
                    w.key("shares"); core.shares.writeJSON(to: &w)
                }
            }
            w.key("total"); total.writeJSON(to: &w)
        }
    }
}

extension CPUShares: JSONWritable {
    /// The five shares in percent.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("busy_percent"); w.value(busyPercent)
            w.key("iowait_percent"); w.value(iowaitPercent)
            w.key("steal_percent"); w.value(stealPercent)
            w.key("system_percent"); w.value(systemPercent)
            w.key("user_percent"); w.value(userPercent)
        }
    }
}

extension MemoryReading: JSONWritable {
    /// Bytes and percents, with `cgroup` when a limit applies.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("available_bytes"); w.value(availableBytes)
            w.key("buffers_bytes"); w.value(buffersBytes)
            w.key("cached_bytes"); w.value(cachedBytes)
            if let cgroup {
                w.key("cgroup")
                w.object { w in
                    w.key("limit_bytes"); w.value(cgroup.limitBytes)
                    w.key("used_bytes"); w.value(cgroup.usedBytes)
                    w.key("used_percent"); w.value(cgroup.usedPercent)
                }
            }
            w.key("free_bytes"); w.value(freeBytes)
            w.key("swap_total_bytes"); w.value(swapTotalBytes)
            w.key("swap_used_bytes"); w.value(swapUsedBytes)
            w.key("swap_used_percent"); w.value(swapUsedPercent)
            w.key("total_bytes"); w.value(totalBytes)
            w.key("used_bytes"); w.value(usedBytes)
            w.key("used_percent"); w.value(usedPercent)
        }
    }
}

extension DisksReading: JSONWritable {
    /// `{devices, total}`.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("devices"); w.array(devices) { $1.writeJSON(to: &$0) }
            w.key("total"); total.writeJSON(to: &w)
        }
    }
}

extension DiskRates: JSONWritable {
    /// One device's rates.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("name"); w.value(name)
            w.key("read_bytes_per_second"); w.value(readBytesPerSecond)
            w.key("read_iops"); w.value(readIops)
            w.key("util_percent"); w.value(utilPercent)
            w.key("write_bytes_per_second"); w.value(writeBytesPerSecond)
            w.key("write_iops"); w.value(writeIops)
        }
    }
}

extension NetworkReading: JSONWritable {
    /// `{interfaces, total, total_excludes}`.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("interfaces"); w.array(interfaces) { $1.writeJSON(to: &$0) }
            w.key("total"); total.writeJSON(to: &w)
            w.key("total_excludes"); w.array(totalExcludes) { $0.value($1) }
        }
    }
}

extension InterfaceRates: JSONWritable {
    /// One interface's rates.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("name"); w.value(name)
            w.key("rx_bytes_per_second"); w.value(rxBytesPerSecond)
            w.key("rx_drops_per_second"); w.value(rxDropsPerSecond)
            w.key("rx_errors_per_second"); w.value(rxErrorsPerSecond)
            w.key("rx_packets_per_second"); w.value(rxPacketsPerSecond)
            w.key("tx_bytes_per_second"); w.value(txBytesPerSecond)
            w.key("tx_drops_per_second"); w.value(txDropsPerSecond)
            w.key("tx_errors_per_second"); w.value(txErrorsPerSecond)
            w.key("tx_packets_per_second"); w.value(txPacketsPerSecond)
        }
    }
}

extension LoadAverage: JSONWritable {
    /// The three averages and the task counts.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("fifteen_minutes"); w.value(fifteenMinutes)
            w.key("five_minutes"); w.value(fiveMinutes)
            w.key("one_minute"); w.value(oneMinute)
            w.key("tasks_running"); w.value(tasksRunning)
            w.key("tasks_total"); w.value(tasksTotal)
        }
    }
}
