/// A deterministic 64-bit hash of file contents, computed 8 bytes at a time.
///
/// Why: the manifest records each written file's hash so the next build can tell "same bytes"
/// without reading the previous file. Swift's `Hasher` is seeded per process, so it cannot be
/// stored; byte-at-a-time FNV-1a is many times slower than this word-at-a-time mix. Each round
/// is a bijection of its lane for a fixed word (and of the word for a fixed lane); the lanes are
/// folded together at the end, and the final avalanche folds in the length. It is not a cryptographic hash: it guards
/// against accidental equality, not against an attacker who controls both versions of a file.
package struct ContentHash {
    // Four independent lanes: word i of the input goes to lane i mod 4, so the processor can
    // work on four multiply chains at once (about three times the speed of one chain).
    private var lane0: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var lane1: UInt64 = 0x6A09_E667_F3BC_C908
    private var lane2: UInt64 = 0xBB67_AE85_84CA_A73B
    private var lane3: UInt64 = 0x3C6E_F372_FE94_F82B
    private var wordsMixed: UInt64 = 0
    private var length: UInt64 = 0
    private var pending: UInt64 = 0
    private var pendingCount = 0

    private static let wordFactor: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let stateFactor: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let byteFactor: UInt64 = 0x1656_67B1_9E37_79F9
    private static let finalFactorA: UInt64 = 0xFF51_AFD7_ED55_8CCD
    private static let finalFactorB: UInt64 = 0xC4CE_B9FE_1A85_EC53

    /// An empty hash.
    package init() {}

    /// The hash of `bytes` in one call.
    package static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash = ContentHash()
        hash.update(bytes)
        return hash.finalize()
    }

    /// The hash of `bytes`.
    package static func of(_ bytes: [UInt8]) -> UInt64 {
        var hash = ContentHash()
        bytes.withUnsafeBytes { hash.update($0) }
        return hash.finalize()
    }

    /// Feeds more bytes; any split of the same bytes over calls gives the same result.
    package mutating func update(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        let count = bytes.count
        length &+= UInt64(count)
        while pendingCount > 0, pendingCount < 8, offset < count {
            pending |= UInt64(bytes[offset]) << (8 * UInt64(pendingCount))
            pendingCount += 1
            offset += 1
        }
        if pendingCount == 8 {
            mix(word: pending)
            pending = 0
            pendingCount = 0
        }
        // Single words until lane 0 is next, then four words per round.
        while wordsMixed & 3 != 0, offset + 8 <= count {
            mix(word: Self.word(bytes, at: offset))
            offset += 8
        }
        if offset + 32 <= count {
            var (a, b, c, d) = (lane0, lane1, lane2, lane3)
            var rounds: UInt64 = 0
            while offset + 32 <= count {
                a = Self.round(a, Self.word(bytes, at: offset))
                b = Self.round(b, Self.word(bytes, at: offset + 8))
                c = Self.round(c, Self.word(bytes, at: offset + 16))
                d = Self.round(d, Self.word(bytes, at: offset + 24))
                offset += 32
                rounds += 1
            }
            (lane0, lane1, lane2, lane3) = (a, b, c, d)
            wordsMixed &+= rounds * 4
        }
        while offset + 8 <= count {
            mix(word: Self.word(bytes, at: offset))
            offset += 8
        }
        while offset < count {
            pending |= UInt64(bytes[offset]) << (8 * UInt64(pendingCount))
            pendingCount += 1
            offset += 1
        }
    }

    /// The hash of everything fed so far.
    package func finalize() -> UInt64 {
        var result = Self.round(Self.round(Self.round(lane0, lane1), lane2), lane3)
        var remaining = pending
        for _ in 0..<pendingCount {
            result = Self.rotateLeft(result ^ ((remaining & 0xFF) &* Self.byteFactor), by: 11) &* Self.wordFactor
            remaining >>= 8
        }
        result ^= length
        result ^= result >> 33
        result &*= Self.finalFactorA
        result ^= result >> 29
        result &*= Self.finalFactorB
        result ^= result >> 32
        return result
    }

    private mutating func mix(word: UInt64) {
        switch wordsMixed & 3 {
        case 0: lane0 = Self.round(lane0, word)
        case 1: lane1 = Self.round(lane1, word)
        case 2: lane2 = Self.round(lane2, word)
        default: lane3 = Self.round(lane3, word)
        }
        wordsMixed &+= 1
    }

    private static func word(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> UInt64 {
        UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    private static func round(_ state: UInt64, _ word: UInt64) -> UInt64 {
        rotateLeft(state ^ (word &* wordFactor), by: 31) &* stateFactor
    }

    private static func rotateLeft(_ value: UInt64, by amount: UInt64) -> UInt64 {
        (value << amount) | (value >> (64 - amount))
    }
}
