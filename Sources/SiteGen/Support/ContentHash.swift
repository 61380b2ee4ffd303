/// A deterministic 64-bit hash of file contents, computed 8 bytes at a time.
///
/// Why: the manifest records each written file's hash so the next build can tell "same bytes"
/// without reading the previous file. Swift's `Hasher` is seeded per process, so it cannot be
/// stored; byte-at-a-time FNV-1a is about four times slower than this word-at-a-time mix.
/// Each round is a bijection of the state for a fixed word (and of the word for a fixed state),
/// and the final avalanche folds in the length. It is not a cryptographic hash: it guards
/// against accidental equality, not against an attacker who controls both versions of a file.
struct ContentHash {
    private var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var length: UInt64 = 0
    private var pending: UInt64 = 0
    private var pendingCount = 0

    private static let wordFactor: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let stateFactor: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let byteFactor: UInt64 = 0x1656_67B1_9E37_79F9
    private static let finalFactorA: UInt64 = 0xFF51_AFD7_ED55_8CCD
    private static let finalFactorB: UInt64 = 0xC4CE_B9FE_1A85_EC53

    /// An empty hash.
    init() {}

    /// The hash of `bytes` in one call.
    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash = ContentHash()
        hash.update(bytes)
        return hash.finalize()
    }

    /// The hash of `bytes`.
    static func of(_ bytes: [UInt8]) -> UInt64 {
        var hash = ContentHash()
        bytes.withUnsafeBytes { hash.update($0) }
        return hash.finalize()
    }

    /// Feeds more bytes; any split of the same bytes over calls gives the same result.
    mutating func update(_ bytes: UnsafeRawBufferPointer) {
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
        while offset + 8 <= count {
            mix(word: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            offset += 8
        }
        while offset < count {
            pending |= UInt64(bytes[offset]) << (8 * UInt64(pendingCount))
            pendingCount += 1
            offset += 1
        }
    }

    /// The hash of everything fed so far.
    func finalize() -> UInt64 {
        var result = state
        var remaining = pending
        for _ in 0..<pendingCount {
            result = rotateLeft(result ^ ((remaining & 0xFF) &* Self.byteFactor), by: 11) &* Self.wordFactor
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
        state = rotateLeft(state ^ (word &* Self.wordFactor), by: 31) &* Self.stateFactor
    }

    private func rotateLeft(_ value: UInt64, by amount: UInt64) -> UInt64 {
        (value << amount) | (value >> (64 - amount))
    }
}
