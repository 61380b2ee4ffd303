#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive `flock` on `<parent>/.<name>.sitegen-lock`, held while one build writes an
/// output folder.
///
/// Why fail at once instead of waiting: a second build of the same output is almost always a
/// mistake (two terminals, a watcher plus a manual build); failing immediately with the other
/// build's pid tells the user what is going on, while waiting would hide it and make tests
/// timing-dependent. The lock file stays in place: deleting it could let a third build lock a
/// new file while the second still holds the old one. The kernel drops the lock when the
/// process dies, even after `kill -9`, so a stale lock file never blocks a build.
final class OutputLock {
    private var descriptor: Int32
    /// The lock file.
    let path: BytePath

    /// Takes the lock for the output folder `outputDirectory`, or throws
    /// `OutputError.anotherBuildRunning` naming the holder's pid. The parent folder must exist.
    convenience init(outputDirectory: String) throws {
        try self.init(location: OutputLocation(resolving: outputDirectory))
    }

    /// Takes the lock for a resolved output location.
    init(location: OutputLocation) throws {
        path = location.lockPath
        descriptor = path.withCString { open($0, O_RDWR | O_CREAT | O_CLOEXEC, mode_t(0o644)) }
        guard descriptor >= 0 else {
            throw OutputError.fileSystem(operation: "create the lock file", path: path.description, code: errno)
        }
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            if code == EINTR { continue }
            let holder = Self.recordedPID(descriptor)
            close(descriptor)
            descriptor = -1
            if code == EWOULDBLOCK {
                throw OutputError.anotherBuildRunning(output: location.path, pid: holder)
            }
            throw OutputError.fileSystem(operation: "lock", path: path.description, code: code)
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }

    /// Releases the lock (also done when the lock is deallocated).
    func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    deinit {
        release()
    }

    private static func recordedPID(_ descriptor: Int32) -> String? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[..<count].filter { (0x30...0x39).contains($0) }, as: UTF8.self)
        return text.isEmpty ? nil : text
    }
}
