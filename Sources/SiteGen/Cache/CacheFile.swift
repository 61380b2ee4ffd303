import Foundation

/// Reads and writes the files of the build cache folder (`.sitegen-cache/`).
enum CacheFile {
    /// The bytes of the cache file at `path`, `nil` when it cannot be read.
    static func read(_ path: String) -> [UInt8]? {
        try? FileReader.read(path).get()
    }

    /// Writes `bytes` to `target` through a temporary file and a rename, so a killed build never
    /// leaves half a file; errors are ignored (a cache that cannot be written, say in a read-only
    /// checkout, only costs speed next time).
    static func write(_ bytes: [UInt8], to target: String) {
        let folder = (target as NSString).deletingLastPathComponent
        let temporary = target + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: temporary))
            guard rename(temporary, target) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
        }
    }
}
