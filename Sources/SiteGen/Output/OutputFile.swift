import Foundation

/// One file of the built site, held in memory until the write stage (or served from memory by
/// the dev server).
public struct OutputFile: Sendable, Hashable {
    /// Where the bytes come from.
    public enum Contents: Sendable, Hashable {
        /// Rendered bytes.
        case bytes([UInt8])
        /// A file on disk copied unchanged (an asset); absolute path.
        case copy(from: String)
        /// The file the previous build wrote at the same path, whose inputs (its `fingerprint`)
        /// have not changed: the writer keeps it without it being rendered again.
        case previous
        /// A page rendered only when the writer stages it, so that a build never holds every
        /// page in memory at once.
        case deferred(DeferredBytes)
    }

    /// The bytes of `.bytes` and `.deferred` contents (rendering a deferred page now); `nil`
    /// for copies and kept files.
    public var renderedBytes: [UInt8]? {
        switch contents {
        case .bytes(let bytes): return bytes
        case .deferred(let deferred): return deferred.make()
        case .copy, .previous: return nil
        }
    }

    /// The same file with a deferred page rendered into bytes.
    public var materialized: OutputFile {
        guard case .deferred(let deferred) = contents else { return self }
        return OutputFile(path: path, contents: .bytes(deferred.make()), fingerprint: fingerprint, inputKey: inputKey)
    }

    /// Path relative to the output folder with `/` separators, e.g. `guonei/index.html`.
    public var path: String
    /// The bytes or the file to copy.
    public var contents: Contents
    /// A hash of everything the file was made from (view model, templates, engine version),
    /// recorded in the output manifest so the next build can skip rendering it when unchanged.
    public var fingerprint: UInt64?
    /// A hash of the page's inputs (`PageReader`), recorded in the manifest so the next build
    /// can keep the page without even building its view model.
    public var inputKey: UInt64?
    /// For a copy: the source's status when the load stage listed it, which the writer uses
    /// instead of looking at the source again (`nil`: it looks).
    var listedSourceStatus: FileStatus?

    /// A rendered text file (UTF-8).
    public init(path: String, text: String, fingerprint: UInt64? = nil) {
        self.path = path
        self.contents = .bytes(Array(text.utf8))
        self.fingerprint = fingerprint
    }

    /// A file with the given contents.
    public init(path: String, contents: Contents, fingerprint: UInt64? = nil, inputKey: UInt64? = nil) {
        self.path = path
        self.contents = contents
        self.fingerprint = fingerprint
        self.inputKey = inputKey
    }

    /// A copied file whose source the load stage listed with `listedSourceStatus`.
    init(path: String, contents: Contents, listedSourceStatus: FileStatus?) {
        self.init(path: path, contents: contents)
        self.listedSourceStatus = listedSourceStatus
    }
}
