import Foundation
import Testing
@testable import SiteGen
@testable import SiteGenCore

@Suite struct TruncationTests {
    struct Case: Sendable, CustomStringConvertible {
        let text: String
        let width: Int
        let expected: String
        var description: String { "\(text) @\(width)" }
    }

    @Test(arguments: [
        Case(text: "Hello world", width: 20, expected: "Hello world"),
        Case(text: "Hello world", width: 11, expected: "Hello world"),
        Case(text: "Hello world", width: 10, expected: "Hello wor…"),
        Case(text: "Hello world", width: 7, expected: "Hello…"),            // space at the cut dropped
        Case(text: "法制新闻报道", width: 12, expected: "法制新闻报道"),       // exact fit
        Case(text: "法制新闻报道", width: 11, expected: "法制新闻报…"),
        Case(text: "法制新闻报道", width: 10, expected: "法制新闻…"),          // 8 + 1, a CJK char would overflow
        Case(text: "国家反诈中心APP上线", width: 15, expected: "国家反诈中心AP…"),
        Case(text: "国家反诈中心APP上线", width: 17, expected: "国家反诈中心APP…"),
        Case(text: "国家反诈中心APP上线", width: 19, expected: "国家反诈中心APP上线"),
        Case(text: "abc", width: 0, expected: ""),
        Case(text: "", width: 0, expected: ""),
        Case(text: "abc", width: 1, expected: "…"),
        Case(text: "中文", width: 1, expected: "…"),
        Case(text: "中文", width: 3, expected: "中…"),
        Case(text: "家庭👨‍👩‍👧‍👦合影", width: 7, expected: "家庭👨‍👩‍👧‍👦…"),
        Case(text: "家庭👨‍👩‍👧‍👦合影", width: 6, expected: "家庭…"),     // the ZWJ family is kept whole or dropped
        Case(text: "赞👍🏽好", width: 5, expected: "赞👍🏽…"),
        Case(text: "🇨🇳中国", width: 4, expected: "🇨🇳…"),
        Case(text: "Cafe\u{301} noir", width: 5, expected: "Cafe\u{301}…"),       // combining accent stays on its letter
        Case(text: "e\u{301}e\u{301}e\u{301}", width: 3, expected: "e\u{301}e\u{301}e\u{301}"),
    ])
    func truncatesByDisplayWidth(_ example: Case) {
        let result = TextTruncation.truncate(example.text, toWidth: example.width)
        #expect(result == example.expected)
        #expect(DisplayWidth.of(result) <= max(example.width, 0))
    }

    @Test func countsACustomEllipsisInTheWidth() {
        #expect(TextTruncation.truncate("法制新闻报道", toWidth: 10, ellipsis: "...") == "法制新...")
        #expect(TextTruncation.truncate("法制新闻报道", toWidth: 10, ellipsis: "……") == "法制新闻……")
        #expect(TextTruncation.truncate("法制新闻报道", toWidth: 10, ellipsis: "") == "法制新闻报")
        #expect(TextTruncation.truncate("法制新闻报道", toWidth: 2, ellipsis: "...") == "法")
    }

    @Test(arguments: [
        ("  一段\n\n 文字\t和　　全角空格  ", "一段 文字 和 全角空格"),
        ("already clean", "already clean"),
        ("", ""),
        (" \n\t ", ""),
        ("a\u{00A0}\u{00A0}b", "a b"),
    ])
    func normalisesWhitespaceToSingleSpaces(input: String, expected: String) {
        #expect(TextTruncation.normalizingWhitespace(input) == expected)
    }

    @Test func summaryNormalisesThenTruncates() {
        #expect(Summary.make(from: "  近日，市公安局\n召开新闻发布会。  ", width: 12) == "近日，市公…")
        #expect(Summary.make(from: "短文", width: 12) == "短文")
    }

    @Test func summaryOfALongTextMatchesNormalisingAllOfIt() {
        let texts = [
            String(repeating: "法制新闻。 ", count: 300),
            String(repeating: " ", count: 500) + String(repeating: "a\u{301}", count: 400),
            String(repeating: "\n\n　", count: 200) + String(repeating: "词 ", count: 200),
            String(repeating: "\u{200B}", count: 600) + "尾巴很长的一段文字",
        ]
        for text in texts {
            for width in [1, 2, 9, 40, 200] {
                let direct = TextTruncation.truncate(TextTruncation.normalizingWhitespace(text), toWidth: width)
                #expect(Summary.make(from: text, width: width) == direct)
            }
        }
    }

    @Test(arguments: [
        ("a", 1), ("法", 2), ("，", 2), ("👍🏽", 2), ("👨‍👩‍👧‍👦", 2), ("🇨🇳", 2), ("e\u{301}", 1),
        ("❤️", 2), ("❤", 1), ("1️⃣", 2), ("\u{200B}", 0), ("\r\n", 0), ("한", 2),
    ])
    func measuresGraphemeClusters(text: String, width: Int) {
        #expect(DisplayWidth.of(text) == width)
    }
}

@Suite struct EscapingTests {
    @Test(arguments: [
        ("法制新闻", "法制新闻"),
        (#"<a href="x">Tom & 'Jerry'</a>"#, "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;"),
        ("“中文”，全角＜＞", "“中文”，全角＜＞"),
        ("", ""),
    ])
    func escapesHTMLTextAndAttributes(input: String, expected: String) {
        #expect(HTMLEscaping.escapeHTML(input) == expected)
    }

    @Test(arguments: [
        ("a\u{01}b\u{0B}c\u{1F}d", "abcd"),
        ("tab\there\nline\r", "tab\there\nline\r"),
        ("x\u{FFFE}y\u{FFFF}z\u{FFFD}", "xyz\u{FFFD}"),
        ("中，<文>", "中，&lt;文&gt;"),
        ("\u{FF0C}\u{FFE5}", "\u{FF0C}\u{FFE5}"),
    ])
    func escapesXMLAndDropsCharactersXMLForbids(input: String, expected: String) {
        #expect(HTMLEscaping.escapeXML(input) == expected)
    }

    @Test(arguments: [
        ("普通文字", "普通文字"),
        (#"say "hi" \ back"#, #"say \"hi\" \\ back"#),
        ("line\nnext\ttab\r\u{01}", #"line\nnext\ttab\r\u0001"#),
        ("</script><b>&", #"\u003c/script\u003e\u003cb\u003e\u0026"#),
        ("a\u{2028}b\u{2029}c", #"a\u2028b\u2029c"#),
    ])
    func escapesJSONStringContents(input: String, expected: String) {
        #expect(HTMLEscaping.escapeJSONString(input) == expected)
    }

    @Test func escapedJSONParsesBackToTheOriginal() throws {
        let original = "标题 \"引号\" </script> \\ \n\u{2028}\u{01}"
        let json = "\"" + HTMLEscaping.escapeJSONString(original) + "\""
        let decoded = try JSONDecoder().decode(String.self, from: Data(json.utf8))
        #expect(decoded == original)
    }
}

@Suite struct URLAndSlugTests {
    @Test(arguments: [
        ("法制", "%E6%B3%95%E5%88%B6"),
        ("国家反诈中心app", "%E5%9B%BD%E5%AE%B6%E5%8F%8D%E8%AF%88%E4%B8%AD%E5%BF%83app"),
        ("a-b_c.d~e", "a-b_c.d~e"),
        ("a b/c?d#e%&", "a%20b%2Fc%3Fd%23e%25%26"),
        ("", ""),
    ])
    func encodesPathSegments(input: String, expected: String) {
        #expect(URLPathEncoding.encodeSegment(input) == expected)
    }

    @Test func encodesWholePathsKeepingSlashes() {
        #expect(URLPathEncoding.encodePath("/tags/法制/") == "/tags/%E6%B3%95%E5%88%B6/")
        #expect(URLPathEncoding.encodePath("/guonei/2024/0710/a.html") == "/guonei/2024/0710/a.html")
    }

    @Test(arguments: [
        ("国家反诈中心APP", "国家反诈中心app"),
        ("Hong Kong", "hong-kong"),
        ("  Hong \t Kong  ", "hong-kong"),
        ("ÉCOLE", "école"),
        ("AC/DC", "ac-dc"),
        ("中　文", "中-文"),
        ("ΑΒΓ", "ΑΒΓ"),
    ])
    func makesTagSegments(tag: String, expected: String) {
        #expect(Slug.tagURLSegment(tag) == expected)
    }

    @Test(arguments: [
        ("法制", true), ("2024-07-10-18", true), ("a.b", true), ("", false), (".", false),
        ("..", false), ("a..b", false), ("a/b", false), ("a\\b", false), ("a\u{0}b", false),
        ("a\nb", false), ("a\u{7F}", false),
    ])
    func recognisesSafeSegments(segment: String, safe: Bool) {
        #expect(Slug.isSafeSegment(segment) == safe)
    }
}

@Suite struct DateFormattingTests {
    static let shanghai = TimeZone(identifier: "Asia/Shanghai")!
    static let newYork = TimeZone(identifier: "America/New_York")!
    static let utc = TimeZone(identifier: "UTC")!

    struct Case: Sendable, CustomStringConvertible {
        let timestamp: TimeInterval
        let zone: TimeZone
        let pattern: String
        let rfc822: String
        let w3c: String
        var description: String { "\(timestamp) \(zone.identifier)" }
    }

    @Test(arguments: [
        Case(timestamp: 1_720_593_804, zone: shanghai, pattern: "2024-07-10 14:43:24",
             rfc822: "Wed, 10 Jul 2024 14:43:24 +0800", w3c: "2024-07-10T14:43:24+08:00"),
        Case(timestamp: 1_704_038_400, zone: shanghai, pattern: "2024-01-01 00:00:00",
             rfc822: "Mon, 01 Jan 2024 00:00:00 +0800", w3c: "2024-01-01T00:00:00+08:00"),
        Case(timestamp: 1_704_038_399, zone: shanghai, pattern: "2023-12-31 23:59:59",
             rfc822: "Sun, 31 Dec 2023 23:59:59 +0800", w3c: "2023-12-31T23:59:59+08:00"),
        Case(timestamp: 583_718_400, zone: shanghai, pattern: "1988-07-01 09:00:00",      // China's 1986–91 DST
             rfc822: "Fri, 01 Jul 1988 09:00:00 +0900", w3c: "1988-07-01T09:00:00+09:00"),
        Case(timestamp: 1_710_053_999, zone: newYork, pattern: "2024-03-10 01:59:59",
             rfc822: "Sun, 10 Mar 2024 01:59:59 -0500", w3c: "2024-03-10T01:59:59-05:00"),
        Case(timestamp: 1_710_054_000, zone: newYork, pattern: "2024-03-10 03:00:00",
             rfc822: "Sun, 10 Mar 2024 03:00:00 -0400", w3c: "2024-03-10T03:00:00-04:00"),
        Case(timestamp: 1_730_611_800, zone: newYork, pattern: "2024-11-03 01:30:00",
             rfc822: "Sun, 03 Nov 2024 01:30:00 -0400", w3c: "2024-11-03T01:30:00-04:00"),
        Case(timestamp: 1_730_615_400, zone: newYork, pattern: "2024-11-03 01:30:00",
             rfc822: "Sun, 03 Nov 2024 01:30:00 -0500", w3c: "2024-11-03T01:30:00-05:00"),
        Case(timestamp: 1_709_251_199, zone: utc, pattern: "2024-02-29 23:59:59",
             rfc822: "Thu, 29 Feb 2024 23:59:59 +0000", w3c: "2024-02-29T23:59:59+00:00"),
        Case(timestamp: 951_825_600, zone: utc, pattern: "2000-02-29 12:00:00",
             rfc822: "Tue, 29 Feb 2000 12:00:00 +0000", w3c: "2000-02-29T12:00:00+00:00"),
        Case(timestamp: -2_203_891_201, zone: utc, pattern: "1900-02-28 23:59:59",
             rfc822: "Wed, 28 Feb 1900 23:59:59 +0000", w3c: "1900-02-28T23:59:59+00:00"),
        Case(timestamp: 4_107_542_400, zone: utc, pattern: "2100-03-01 00:00:00",
             rfc822: "Mon, 01 Mar 2100 00:00:00 +0000", w3c: "2100-03-01T00:00:00+00:00"),
        Case(timestamp: -11_670_998_400, zone: utc, pattern: "1600-02-29 00:00:00",
             rfc822: "Tue, 29 Feb 1600 00:00:00 +0000", w3c: "1600-02-29T00:00:00+00:00"),
        Case(timestamp: -0.5, zone: utc, pattern: "1969-12-31 23:59:59",
             rfc822: "Wed, 31 Dec 1969 23:59:59 +0000", w3c: "1969-12-31T23:59:59+00:00"),
    ])
    func formatsInstantsInTheSiteZone(_ example: Case) {
        let formatter = DateFormatting(pattern: "yyyy-MM-dd HH:mm:ss", timeZone: example.zone)
        let date = Date(timeIntervalSince1970: example.timestamp)
        #expect(formatter.string(from: date) == example.pattern)
        #expect(formatter.rfc822(date) == example.rfc822)
        #expect(formatter.w3c(date) == example.w3c)
    }

    @Test(arguments: [
        ("yyyy年MM月dd日 HH:mm", "2024年07月10日 14:43"),
        ("[yyyy/MM/dd]", "[2024/07/10]"),
        ("M/d/yy EEE", "M/d/yy EEE"),
        ("", ""),
    ])
    func keepsUnknownPatternTextLiterally(pattern: String, expected: String) {
        let formatter = DateFormatting(pattern: pattern, timeZone: Self.shanghai)
        #expect(formatter.string(from: Date(timeIntervalSince1970: 1_720_593_804)) == expected)
    }

    @Test func givesPermalinkComponents() {
        let formatter = DateFormatting(pattern: "yyyy", timeZone: Self.shanghai)
        let parts = formatter.components(of: Date(timeIntervalSince1970: 1_720_593_804))
        #expect(parts == DateParts(year: 2024, month: 7, day: 10, hour: 14, minute: 43, second: 24,
                                   weekday: 3, utcOffsetSeconds: 28_800))
        #expect([parts.paddedYear, parts.paddedMonth, parts.paddedDay, parts.monthDay] == ["2024", "07", "10", "0710"])
        #expect([parts.paddedHour, parts.paddedMinute, parts.paddedSecond] == ["14", "43", "24"])
    }

    @Test(arguments: [shanghai, newYork, utc])
    func agreesWithFoundationCalendarAcrossYears(zone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let formatter = DateFormatting(pattern: "", timeZone: zone)
        // Every ~3 days and 7 hours from 1901 to 2100: month ends, leap days and DST changes.
        for step in 0..<22_000 {
            let date = Date(timeIntervalSince1970: -2_177_452_800 + Double(step) * 285_913)
            let expected = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
            let parts = formatter.components(of: date)
            let actual = [parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second, parts.weekday + 1]
            let wanted = [expected.year, expected.month, expected.day, expected.hour, expected.minute,
                          expected.second, expected.weekday].map { $0 ?? -1 }
            if actual != wanted {
                Issue.record("\(date) in \(zone.identifier): \(actual) != \(wanted)")
                return
            }
        }
    }
}
