// The `filesystems`, `pressure` and `processes` sections and the host's `cgroup_cpu`, `sensors` and
// `swap_activity`, written by hand in JSONEncoder's layout: keys in UTF-8 byte order, optionals left out when nil.

extension FilesystemReading: JSONWritable {
    /// One mounted filesystem as df shows it.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("available_bytes"); w.value(availableBytes)
            w.key("device"); w.value(device)
            w.key("inodes_total"); w.value(inodesTotal)
            w.key("inodes_used"); w.value(inodesUsed)
            w.member("inodes_used_percent", ifPresent: inodesUsedPercent)
            w.key("mount_point"); w.value(mountPoint)
            w.key("size_bytes"); w.value(sizeBytes)
            w.key("type"); w.value(type)
            w.key("used_bytes"); w.value(usedBytes)
            w.key("used_percent"); w.value(usedPercent)
        }
    }
}

extension PressureReading: JSONWritable {
    /// `{cpu, io, memory}`, each resource absent when the kernel does not report it.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.member("cpu", ifPresent: cpu)
            w.member("io", ifPresent: io)
            w.member("memory", ifPresent: memory)
        }
    }
}

extension ResourcePressure: JSONWritable {
    /// `{full, some}`.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.member("full", ifPresent: full)
            w.key("some"); w.value(some)
        }
    }
}

extension PressureFigures: JSONWritable {
    /// The kernel's averages and the stall share over the interval.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("avg10"); w.value(avg10)
            w.key("avg300"); w.value(avg300)
            w.key("avg60"); w.value(avg60)
            w.key("stall_percent"); w.value(stallPercent)
        }
    }
}

extension ProcessesSection: JSONWritable {
    /// Counts and the top processes.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("io_unreadable"); w.value(ioUnreadable)
            w.key("running"); w.value(running)
            w.key("sorted_by"); w.value(sortedBy)
            w.key("threads"); w.value(threads)
            w.key("top"); w.value(top)
            w.key("total"); w.value(total)
        }
    }
}

extension ProcessReading: JSONWritable {
    /// One process row.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("command"); w.value(command)
            w.key("cpu_percent"); w.value(cpuPercent)
            w.key("memory_percent"); w.value(memoryPercent)
            w.key("name"); w.value(name)
            w.key("parent_pid"); w.value(parentPid)
            w.key("pid"); w.value(pid)
            w.member("read_bytes_per_second", ifPresent: readBytesPerSecond)
            w.key("rss_bytes"); w.value(rssBytes)
            w.key("start_unix_ms"); w.value(startUnixMs)
            w.key("state"); w.value(state)
            w.key("threads"); w.value(threads)
            w.key("uid"); w.value(uid)
            w.key("user"); w.value(user)
            w.member("write_bytes_per_second", ifPresent: writeBytesPerSecond)
        }
    }
}

extension CgroupCPUReading: JSONWritable {
    /// The cgroup's CPU limit, usage and throttling.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.member("limit_cores", ifPresent: limitCores)
            w.key("throttled_percent"); w.value(throttledPercent)
            w.key("throttled_seconds_per_second"); w.value(throttledSecondsPerSecond)
            w.key("usage_cores"); w.value(usageCores)
        }
    }
}

extension SwapActivity: JSONWritable {
    /// Pages swapped in and out per second.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("in_pages_per_second"); w.value(inPagesPerSecond)
            w.key("out_pages_per_second"); w.value(outPagesPerSecond)
        }
    }
}

extension SensorsReading: JSONWritable {
    /// `{frequencies, temperatures}`.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("frequencies")
            w.array(frequencies) { w, frequency in
                w.object { w in
                    w.key("cpu"); w.value(frequency.cpu)
                    w.key("mhz"); w.value(frequency.mhz)
                }
            }
            w.key("temperatures")
            w.array(temperatures) { w, temperature in
                w.object { w in
                    w.key("celsius"); w.value(temperature.celsius)
                    w.key("chip"); w.value(temperature.chip)
                    w.key("label"); w.value(temperature.label)
                }
            }
        }
    }
}
