import Foundation

/// Formats instants in one time zone with a small fixed pattern language, plus the RSS
/// (RFC 822) and sitemap (W3C) forms, without `DateFormatter`.
///
/// Built once per site and shared across threads. `DateFormatter` is slow to create, not
/// Sendable, and locale-dependent; here the zone's offset at each instant comes from
/// `TimeZone.secondsFromGMT(for:)` (so DST and historical offsets are right) and the calendar
/// arithmetic is done on days since 1970 (proleptic Gregorian, any year).
///
/// Pattern tokens: `yyyy` year (4 digits at least), `MM` month, `dd` day, `HH` hour (00–23),
/// `mm` minute, `ss` second, all zero-padded to two digits. Everything else, including
/// single letters and other letter runs (`M`, `yy`, `EEE`), is copied literally:
/// `yyyy年MM月dd日 HH:mm` → `2024年07月10日 14:43`.
package struct DateFormatting: Sendable {
    /// The pattern this formatter was built from.
    package let pattern: String
    /// The zone all wall-clock fields are computed in (the site's zone).
    package let timeZone: TimeZone
    private let tokens: [Token]

    /// One piece of a parsed pattern.
    private enum Token: Sendable {
        case literal([UInt8])
        case year, month, day, hour, minute, second
    }

    /// Parses `pattern` once; `timeZone` is the zone of every formatted field.
    package init(pattern: String, timeZone: TimeZone) {
        self.pattern = pattern
        self.timeZone = timeZone
        self.tokens = Self.parse(pattern)
    }

    /// `date` formatted with the pattern.
    package func string(from date: Date) -> String {
        let parts = components(of: date)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(pattern.utf8.count + 8)
        for token in tokens {
            switch token {
            case .literal(let literal): bytes.append(contentsOf: literal)
            case .year: DateParts.appendPadded(parts.year, width: 4, to: &bytes)
            case .month: DateParts.appendPadded(parts.month, width: 2, to: &bytes)
            case .day: DateParts.appendPadded(parts.day, width: 2, to: &bytes)
            case .hour: DateParts.appendPadded(parts.hour, width: 2, to: &bytes)
            case .minute: DateParts.appendPadded(parts.minute, width: 2, to: &bytes)
            case .second: DateParts.appendPadded(parts.second, width: 2, to: &bytes)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// RFC 822 / RSS `pubDate`: `Wed, 10 Jul 2024 14:43:24 +0800`, English names always,
    /// the zone's offset at that instant (an offset with seconds, as in pre-1900 local mean
    /// times, is shown to the minute).
    package func rfc822(_ date: Date) -> String {
        let parts = components(of: date)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(31)
        bytes.append(contentsOf: Self.weekdayNames[parts.weekday].utf8)
        bytes.append(contentsOf: ", ".utf8)
        DateParts.appendPadded(parts.day, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: " "))
        bytes.append(contentsOf: Self.monthNames[parts.month - 1].utf8)
        bytes.append(UInt8(ascii: " "))
        DateParts.appendPadded(parts.year, width: 4, to: &bytes)
        bytes.append(UInt8(ascii: " "))
        appendTime(parts, to: &bytes)
        bytes.append(UInt8(ascii: " "))
        appendOffset(parts.utcOffsetSeconds, separator: nil, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// W3C datetime / sitemap `lastmod`: `2024-07-10T14:43:24+08:00` (UTC is `+00:00`).
    package func w3c(_ date: Date) -> String {
        let parts = components(of: date)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(25)
        DateParts.appendPadded(parts.year, width: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        DateParts.appendPadded(parts.month, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        DateParts.appendPadded(parts.day, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "T"))
        appendTime(parts, to: &bytes)
        appendOffset(parts.utcOffsetSeconds, separator: UInt8(ascii: ":"), to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The wall-clock fields of `date` in the formatter's zone.
    package func components(of date: Date) -> DateParts {
        let offset = timeZone.secondsFromGMT(for: date)
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + offset
        let days = Self.floorDivide(seconds, 86_400)
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = Self.civil(fromDays: days)
        return DateParts(
            year: year, month: month, day: day,
            hour: secondOfDay / 3600, minute: secondOfDay % 3600 / 60, second: secondOfDay % 60,
            weekday: Self.floorModulo(days + 4, 7),   // 1970-01-01 was a Thursday
            utcOffsetSeconds: offset)
    }

    // MARK: - Implementation

    private static let weekdayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private func appendTime(_ parts: DateParts, to bytes: inout [UInt8]) {
        DateParts.appendPadded(parts.hour, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        DateParts.appendPadded(parts.minute, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        DateParts.appendPadded(parts.second, width: 2, to: &bytes)
    }

    /// `+0800` (no separator) or `+08:00`.
    private func appendOffset(_ offsetSeconds: Int, separator: UInt8?, to bytes: inout [UInt8]) {
        bytes.append(offsetSeconds < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        let minutes = abs(offsetSeconds) / 60
        DateParts.appendPadded(minutes / 60, width: 2, to: &bytes)
        if let separator { bytes.append(separator) }
        DateParts.appendPadded(minutes % 60, width: 2, to: &bytes)
    }

    /// Year, month and day of the day `days` after 1970-01-01 in the proleptic Gregorian
    /// calendar. Works on 400-year eras starting in March, so leap days fall at the end of a
    /// "year" and need no special case.
    package static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468                       // days since 0000-03-01
        let era = floorDivide(shifted, 146_097)            // 400-year eras
        let dayOfEra = shifted - era * 146_097             // 0...146096
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)  // from March 1
        let monthFromMarch = (5 * dayOfYear + 2) / 153     // 0 = March … 11 = February
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    private static func floorDivide(_ a: Int, _ b: Int) -> Int {
        let quotient = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
    }

    private static func floorModulo(_ a: Int, _ b: Int) -> Int {
        a - floorDivide(a, b) * b
    }

    private static func parse(_ pattern: String) -> [Token] {
        let table: [(String, Token)] = [("yyyy", .year), ("MM", .month), ("dd", .day),
                                        ("HH", .hour), ("mm", .minute), ("ss", .second)]
        var tokens: [Token] = []
        var literal: [UInt8] = []
        let bytes = Array(pattern.utf8)
        var index = 0
        scan: while index < bytes.count {
            for (text, token) in table {
                let needle = Array(text.utf8)
                if bytes[index...].starts(with: needle) {
                    if !literal.isEmpty { tokens.append(.literal(literal)); literal = [] }
                    tokens.append(token)
                    index += needle.count
                    continue scan
                }
            }
            literal.append(bytes[index])
            index += 1
        }
        if !literal.isEmpty { tokens.append(.literal(literal)) }
        return tokens
    }
}
