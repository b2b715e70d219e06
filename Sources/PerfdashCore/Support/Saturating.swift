/// Arithmetic on numbers that come from input (/proc, files, sockets, flags): it saturates at the type's bounds
/// instead of trapping, so a hostile or corrupt value gives a huge reading, never a crash.
extension FixedWidthInteger {
    /// `self + other`, or the bound it ran past.
    @inlinable func addingSaturating(_ other: Self) -> Self {
        let (sum, overflow) = addingReportingOverflow(other)
        guard overflow else { return sum }
        return other > 0 ? .max : .min
    }

    /// `self - other`, or the bound it ran past.
    @inlinable func subtractingSaturating(_ other: Self) -> Self {
        let (difference, overflow) = subtractingReportingOverflow(other)
        guard overflow else { return difference }
        return other > 0 ? .min : .max
    }

    /// `self * other`, or the bound it ran past.
    @inlinable func multipliedSaturating(by other: Self) -> Self {
        let (product, overflow) = multipliedReportingOverflow(by: other)
        guard overflow else { return product }
        return (self < 0) == (other < 0) ? .max : .min
    }

    /// The nearest value to `double`, NaN as `nan` (0 unless said): `Int(double)` traps on both.
    @inlinable public init(saturating double: Double, nan: Self = 0) {
        if double.isNaN {
            self = nan
        } else if double >= Double(Self.max) {
            // Double(Int.max) rounds up to 2^63, so `>=` catches every value that does not fit.
            self = .max
        } else if double <= Double(Self.min) {
            self = .min
        } else {
            self = Self(double)
        }
    }
}

extension Sequence where Element: FixedWidthInteger {
    /// The sum, saturating at the element type's bounds.
    @inlinable func saturatingSum() -> Element {
        reduce(0) { $0.addingSaturating($1) }
    }
}
