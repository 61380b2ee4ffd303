import Foundation

/// libFuzzer entry for the front matter date parser, in a zone with DST transitions and in
/// UTC+8: it must never trap (overflow, out-of-range index) whatever the text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDate(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    for parser in parsers {
        if let date = parser.parse(text) {
            precondition(date.timeIntervalSince1970.isFinite)
        }
    }
    return 0
}

private let parsers = [
    DateParser(timeZone: TimeZone(identifier: "Asia/Shanghai")!),
    DateParser(timeZone: TimeZone(identifier: "America/New_York")!),
]
