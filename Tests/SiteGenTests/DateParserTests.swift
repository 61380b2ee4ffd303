import Foundation
import Testing
@testable import SiteGen

@Suite struct DateParserTests {
    private let shanghai = DateParser(timeZone: TimeZone(identifier: "Asia/Shanghai")!)

    /// Seconds since 1970 of a UTC civil time.
    private static func utc(_ y: Int, _ mo: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0, _ s: Int = 0) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: y, month: mo, day: d, hour: h, minute: mi, second: s))!
    }

    @Test(arguments: [
        ("2024-07-10 14:43:24", utc(2024, 7, 10, 6, 43, 24)),
        ("2024-07-10 14:43", utc(2024, 7, 10, 6, 43)),
        ("2024-07-10", utc(2024, 7, 9, 16)),
        ("2024-07-10T14:43:24+08:00", utc(2024, 7, 10, 6, 43, 24)),
        ("2024-07-10T14:43:24Z", utc(2024, 7, 10, 14, 43, 24)),
        ("2024-07-10T14:43:24", utc(2024, 7, 10, 6, 43, 24)),
        ("2024-07-10T14:43:24-0530", utc(2024, 7, 10, 20, 13, 24)),
        ("2024-07-10 14:43:24 +09", utc(2024, 7, 10, 5, 43, 24)),
        ("  2024-02-29 00:00:00  ", utc(2024, 2, 28, 16)),
        ("2000-02-29", utc(2000, 2, 28, 16)),
        ("1969-12-31 08:00:00", utc(1970, 1, 1) - 86_400),
    ])
    func readsAcceptedForms(text: String, expected: Date) {
        #expect(shanghai.parse(text) == expected)
    }

    @Test func readsFractionalSeconds() {
        #expect(shanghai.parse("2024-07-10T14:43:24.5Z") == Self.utc(2024, 7, 10, 14, 43, 24) + 0.5)
    }

    @Test(arguments: [
        "2024-02-30", "2023-02-29", "1900-02-29", "2024-13-01", "2024-00-10", "2024-07-10 25:00", "2024-07-10 12:60",
        "2024-07-10 12:00:60", "2024/07/10", "24-07-10", "2024-7-10", "yesterday", "", "2024-07-10T", "2024-07-10 14",
        "2024-07-10T14:43:24+8", "2024-07-10T14:43:24+25:00", "2024-07-10x",
    ])
    func rejectsInvalidDates(text: String) {
        #expect(shanghai.parse(text) == nil)
    }

    @Test func readsLocalTimesInTheGivenZone() {
        let newYork = DateParser(timeZone: TimeZone(identifier: "America/New_York")!)
        #expect(newYork.parse("2024-07-10 12:00") == Self.utc(2024, 7, 10, 16))
        #expect(newYork.parse("2024-01-10 12:00") == Self.utc(2024, 1, 10, 17))
    }
}
