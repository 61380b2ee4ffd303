import Foundation

/// Reads front matter dates: `2024-07-10 14:43:24`, `2024-07-10 14:43` and `2024-07-10` in the
/// site's time zone, and ISO 8601 (`2024-07-10T14:43:24+08:00`, `…Z`, or without offset, then in
/// the site's zone). Invalid calendar dates such as `2024-02-30` or `25:00` are rejected.
///
/// Pure arithmetic on the bytes, no `DateFormatter`: it runs once per article and must be fast
/// and free of shared mutable state.
struct DateParser: Sendable {
    /// Zone for dates written without an offset.
    let timeZone: TimeZone

    /// Creates a parser reading offset-less dates in `timeZone`.
    init(timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    /// The instant `text` names, or `nil` if it is not one of the accepted forms.
    func parse(_ text: String) -> Date? {
        var reader = ByteReader(Array(text.utf8))
        reader.skipSpaces()
        guard let year = reader.digits(exactly: 4), reader.take("-"),
              let month = reader.digits(exactly: 2), reader.take("-"),
              let day = reader.digits(exactly: 2) else { return nil }
        guard (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year) else { return nil }
        var hour = 0, minute = 0, second = 0
        var fraction = 0.0
        var offset: Int?
        if reader.take("T") || reader.take("t") || (reader.peek(" ") && reader.peekDigit(at: 1) && reader.take(" ")) {
            guard let h = reader.digits(exactly: 2), reader.take(":"), let m = reader.digits(exactly: 2) else { return nil }
            hour = h
            minute = m
            if reader.take(":") {
                guard let s = reader.digits(exactly: 2) else { return nil }
                second = s
                if reader.take(".") || reader.take(",") {
                    guard let value = reader.fraction() else { return nil }
                    fraction = value
                }
            }
            guard hour < 24, minute < 60, second < 60 else { return nil }
            _ = reader.peek(" ") && reader.peekOffsetStart(at: 1) && reader.take(" ")
            if reader.take("Z") || reader.take("z") {
                offset = 0
            } else if reader.peek("+") || reader.peek("-") {
                guard let parsed = reader.offset() else { return nil }
                offset = parsed
            }
        }
        reader.skipSpaces()
        guard reader.atEnd else { return nil }

        let naive = Self.secondsSinceEpoch(year: year, month: month, day: day) + hour * 3600 + minute * 60 + second
        let seconds: Int
        if let offset {
            seconds = naive - offset
        } else {
            // Guess with the offset at the naive instant, then correct once for DST transitions.
            let guess = naive - timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(naive)))
            seconds = naive - timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(guess)))
        }
        return Date(timeIntervalSince1970: TimeInterval(seconds) + fraction)
    }

    /// Days in a month of the proleptic Gregorian calendar.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Seconds from 1970-01-01T00:00Z to midnight UTC of a civil date (Howard Hinnant's
    /// days-from-civil algorithm).
    static func secondsSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return days * 86_400
    }
}

/// A cursor over ASCII bytes for `DateParser`.
private struct ByteReader {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    func peek(_ character: Unicode.Scalar) -> Bool {
        index < bytes.count && bytes[index] == UInt8(ascii: character)
    }

    func peekDigit(at distance: Int) -> Bool {
        let i = index + distance
        return i < bytes.count && bytes[i] >= UInt8(ascii: "0") && bytes[i] <= UInt8(ascii: "9")
    }

    func peekOffsetStart(at distance: Int) -> Bool {
        let i = index + distance
        guard i < bytes.count else { return false }
        return [UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "Z"), UInt8(ascii: "z")].contains(bytes[i])
    }

    mutating func take(_ character: Unicode.Scalar) -> Bool {
        guard peek(character) else { return false }
        index += 1
        return true
    }

    mutating func skipSpaces() {
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
    }

    mutating func digits(exactly count: Int) -> Int? {
        guard index + count <= bytes.count else { return nil }
        var value = 0
        for i in index..<(index + count) {
            let byte = bytes[i]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        index += count
        return value
    }

    mutating func fraction() -> Double? {
        var value = 0.0
        var scale = 0.1
        let start = index
        while peekDigit(at: 0) {
            value += Double(bytes[index] - UInt8(ascii: "0")) * scale
            scale /= 10
            index += 1
        }
        return index > start ? value : nil
    }

    /// `+08:00`, `+0800` or `+08`, in seconds east of UTC.
    mutating func offset() -> Int? {
        let sign = take("-") ? -1 : (take("+") ? 1 : 0)
        guard sign != 0, let hours = digits(exactly: 2) else { return nil }
        var minutes = 0
        if take(":") {
            guard let m = digits(exactly: 2) else { return nil }
            minutes = m
        } else if peekDigit(at: 0) {
            guard let m = digits(exactly: 2) else { return nil }
            minutes = m
        }
        guard hours <= 23, minutes < 60 else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }
}
