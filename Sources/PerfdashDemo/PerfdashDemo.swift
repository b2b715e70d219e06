import Prometheus

/// PerfdashDemo: an instrumented demo workload serving /metrics on loopback.
public enum PerfdashDemo {}
