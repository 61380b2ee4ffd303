/// Small helpers for reading Unicode scalars out of valid UTF-8 bytes, used where hot loops
/// (libcmark's buffers, width and whitespace scans) work on bytes rather than on `String` views.
package enum UTF8Scalars {
    /// Whether `byte` continues a multi-byte sequence (10xxxxxx).
    package static func isContinuation(_ byte: UInt8) -> Bool {
        byte & 0xC0 == 0x80
    }

    /// How many scalars `bytes` holds (the bytes that start one).
    package static func count(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for byte in bytes where !isContinuation(byte) { count += 1 }
        return count
    }

    /// The first scalar's value, or 0 for empty input.
    package static func first(in bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        decode(bytes, at: 0)
    }

    /// The last scalar's value, or 0 for empty input.
    package static func last(in bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var start = bytes.count - 1
        while start > 0 && isContinuation(bytes[start]) { start -= 1 }
        return decode(bytes, at: start)
    }

    /// The number of bytes of the sequence that starts with `lead` (1 for a stray byte).
    package static func sequenceLength(lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: return 4
        case 0xE0...: return 3
        case 0xC0...: return 2
        default: return 1
        }
    }

    /// The value of the scalar whose lead byte is at `index`, or 0 when out of range.
    package static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt32 {
        guard index >= 0 && index < bytes.count else { return 0 }
        let lead = UInt32(bytes[index])
        let length: Int
        var value: UInt32
        switch lead {
        case 0..<0x80: return lead
        case 0xC0..<0xE0: length = 2; value = lead & 0x1F
        case 0xE0..<0xF0: length = 3; value = lead & 0x0F
        case 0xF0..<0xF8: length = 4; value = lead & 0x07
        default: return 0xFFFD
        }
        guard index + length <= bytes.count else { return 0xFFFD }
        for offset in 1..<length {
            value = (value << 6) | (UInt32(bytes[index + offset]) & 0x3F)
        }
        return value
    }
}
