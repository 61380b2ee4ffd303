/// The civil (wall-clock) fields of an instant in one time zone, for permalinks and templates.
///
/// Produced by `DateFormatting.components(of:)`; the zero-padded string forms are what
/// permalink patterns like `/:year/:monthday/:slug/` need.
package struct DateParts: Sendable, Hashable {
    /// Proleptic Gregorian year, e.g. 2024.
    package var year: Int
    /// 1–12.
    package var month: Int
    /// 1–31.
    package var day: Int
    /// 0–23.
    package var hour: Int
    /// 0–59.
    package var minute: Int
    /// 0–59 (leap seconds do not exist in `Date`).
    package var second: Int
    /// 0 = Sunday … 6 = Saturday.
    package var weekday: Int
    /// The zone's offset from UTC at that instant, in seconds (28800 for UTC+8).
    package var utcOffsetSeconds: Int

    /// `year` as four digits at least: "2024".
    package var paddedYear: String { Self.padded(year, width: 4) }
    /// `month` as two digits: "07".
    package var paddedMonth: String { Self.padded(month, width: 2) }
    /// `day` as two digits: "10".
    package var paddedDay: String { Self.padded(day, width: 2) }
    /// `hour` as two digits: "14".
    package var paddedHour: String { Self.padded(hour, width: 2) }
    /// `minute` as two digits: "43".
    package var paddedMinute: String { Self.padded(minute, width: 2) }
    /// `second` as two digits: "24".
    package var paddedSecond: String { Self.padded(second, width: 2) }
    /// Month and day as four digits: "0710", the folder name many Chinese portals use.
    package var monthDay: String { paddedMonth + paddedDay }

    /// `value` in decimal, left-padded with zeros to `width` digits (a minus sign comes first).
    package static func padded(_ value: Int, width: Int) -> String {
        var bytes: [UInt8] = []
        appendPadded(value, width: width, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `value` zero-padded to `width` digits to a UTF-8 buffer (no allocation).
    package static func appendPadded(_ value: Int, width: Int, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var divisor: UInt = 1
        var digitCount = 1
        while magnitude / divisor >= 10 {
            divisor *= 10
            digitCount += 1
        }
        if digitCount < width {
            for _ in digitCount..<width { bytes.append(UInt8(ascii: "0")) }
        }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude / divisor))
            magnitude %= divisor
            divisor /= 10
        }
    }
}
