import SiteGenCore

/// A value that can stand for itself in a fingerprint by a precomputed hash (pre-rendered
/// blocks, Markdown bodies not rendered yet).
protocol Fingerprinted {
    /// A hash of everything the value is made from.
    var fingerprint: UInt64 { get }
}

/// A hash of a page's whole view model: if two builds give a page the same fingerprint, the
/// page's bytes are the same, so the second build can keep the first one's file.
///
/// It walks the view model generically (dictionaries by sorted key, arrays, strings, numbers,
/// flags), so whatever a template can see is covered; nothing has to be listed by hand. Every
/// value is prefixed by a type tag and lengths are included, so different shapes never collide
/// by concatenation.
struct Fingerprint {
    private var hash = ContentHash()

    /// Starts a fingerprint seeded with `seed` (the templates' and engine's hash).
    init(seed: UInt64) { add(seed) }

    /// The fingerprint of `values` under `seed`.
    static func of(seed: UInt64, _ values: Any...) -> UInt64 {
        var fingerprint = Fingerprint(seed: seed)
        for value in values { fingerprint.add(value) }
        return fingerprint.value
    }

    /// The fingerprint of a string on its own.
    static func of(text: String) -> UInt64 {
        var fingerprint = Fingerprint(seed: 0)
        fingerprint.add(text)
        return fingerprint.value
    }

    /// The result.
    var value: UInt64 { hash.finalize() }

    /// Adds one view-model value.
    mutating func add(_ value: Any) {
        switch value {
        case let text as String:
            tag(1)
            var copy = text
            copy.withUTF8 { bytes in
                word(UInt64(bytes.count))
                hash.update(UnsafeRawBufferPointer(bytes))
            }
        case let flag as Bool:
            tag(flag ? 2 : 3)
        case let number as Int:
            tag(4)
            word(UInt64(bitPattern: Int64(number)))
        case let number as UInt64:
            tag(5)
            word(number)
        case let dictionary as [String: Any]:
            tag(6)
            word(UInt64(dictionary.count))
            for key in dictionary.keys.sorted() {
                add(key)
                add(dictionary[key]!)
            }
        case let list as [Any]:
            tag(7)
            word(UInt64(list.count))
            for item in list { add(item) }
        case let fingerprinted as any Fingerprinted:
            tag(8)
            word(fingerprinted.fingerprint)
        case let number as Double:
            tag(9)
            word(number.bitPattern)
        default:
            tag(10)
            add(String(describing: value))
        }
    }

    /// Adds a string: the same as `add(_ value: Any)` with a `String`, without the boxing.
    mutating func add(_ text: String) {
        tag(1)
        var copy = text
        copy.withUTF8 { bytes in
            word(UInt64(bytes.count))
            hash.update(UnsafeRawBufferPointer(bytes))
        }
    }

    /// Adds an integer: the same as `add(_ value: Any)` with an `Int`, without the boxing.
    mutating func add(_ number: Int) {
        tag(4)
        word(UInt64(bitPattern: Int64(number)))
    }

    /// Adds a number: the same as `add(_ value: Any)` with a `UInt64`, without the boxing.
    mutating func add(_ number: UInt64) {
        tag(5)
        word(number)
    }

    /// Adds a flag: the same as `add(_ value: Any)` with a `Bool`, without the boxing.
    mutating func add(_ flag: Bool) {
        tag(flag ? 2 : 3)
    }

    /// Adds a list of strings: the same as `add(_ value: Any)` with a `[String]`, without
    /// boxing each element (lists of every article's id or path are added on each build).
    mutating func add(texts list: some Collection<String>) {
        tag(7)
        word(UInt64(list.count))
        for text in list { add(text) }
    }

    /// Adds a list of integers (faster than `add` for long lists; a different tag, so a list
    /// added either way never collides with the other).
    mutating func add(integers list: some Collection<Int>) {
        tag(11)
        word(UInt64(list.count))
        for number in list { word(UInt64(bitPattern: Int64(number))) }
    }

    private mutating func tag(_ value: UInt8) {
        withUnsafeBytes(of: value) { hash.update($0) }
    }

    private mutating func word(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { hash.update($0) }
    }
}
