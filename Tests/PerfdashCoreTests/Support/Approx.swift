/// True when `a` and `b` agree to 1e-9 relative (or absolute near zero): enough to catch any formula error while
/// tolerating the last-bit differences of a different summation order.
func approx(_ a: Double, _ b: Double) -> Bool {
    abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
}

/// `approx` for optionals: both nil, or both present and close.
func approx(_ a: Double?, _ b: Double?) -> Bool {
    switch (a, b) {
    case (nil, nil): true
    case let (a?, b?): approx(a, b)
    default: false
    }
}
