#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file with one `open` + `read` loop into a byte array, reporting failures as
/// values (a file that vanished or is unreadable must become a diagnostic, not a crash).
enum FileReader {
    /// Why a file could not be read.
    struct Failure: Error, Sendable {
        /// `strerror` text, e.g. `Permission denied`.
        var reason: String
        /// Whether the file does not exist.
        var isMissing: Bool
    }

    /// The file's bytes.
    static func read(_ path: String) -> Result<[UInt8], Failure> {
        readWithStatus(path).map(\.bytes)
    }

    /// The file's bytes and its status as `fstat` gave it when the file was opened.
    static func readWithStatus(_ path: String) -> Result<(bytes: [UInt8], status: FileStatus), Failure> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(lastFailure()) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(lastFailure()) }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            return .failure(Failure(reason: "is a directory", isMissing: false))
        }
        // One byte more than the size, so that a file that grew since `fstat` is noticed; the
        // array is filled by `read` directly (no zeroing first: caches are tens of megabytes).
        let capacity = max(Int(info.st_size), 0) + 1
        var failure: Failure?
        var bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            initialized = 0
            while initialized < buffer.count {
                let count = readSome(fd, buffer.baseAddress! + initialized, buffer.count - initialized)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = lastFailure()
                    return
                }
                if count == 0 { return }
                initialized += count
            }
        }
        if let failure { return .failure(failure) }
        if bytes.count == capacity {
            // The file grew: read the rest in chunks.
            var chunk = [UInt8](repeating: 0, count: 64 * 1024)
            while true {
                let count = chunk.withUnsafeMutableBytes { readSome(fd, $0.baseAddress!, $0.count) }
                if count < 0 {
                    if errno == EINTR { continue }
                    return .failure(lastFailure())
                }
                if count == 0 { break }
                bytes.append(contentsOf: chunk[..<count])
            }
        }
        return .success((bytes, FileStatus(info)))
    }

    private static func lastFailure() -> Failure {
        let code = errno
        return Failure(reason: String(cString: strerror(code)), isMissing: code == ENOENT)
    }
}

/// The C `read`, out of reach of `FileReader.read`'s name.
private func readSome(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
