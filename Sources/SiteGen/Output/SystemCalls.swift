#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin wrappers over the POSIX calls the writer uses, turning `-1` + `errno` into
/// `OutputError.fileSystem` that names the path.
///
/// Why POSIX and not FileManager: writing 60,000 files through FileManager costs several
/// allocations and extra `stat`s per file; `open`/`write`/`close` is what the work needs.
enum SystemCalls {
    /// `lstat`, or `nil` when nothing is at `path`.
    static func status(of path: BytePath) throws -> FileStatus? {
        try status(of: path) { lstat($0, &$1) }
    }

    /// `stat` (following symbolic links), or `nil` when nothing is there.
    static func statusFollowingLinks(of path: BytePath) throws -> FileStatus? {
        try status(of: path) { stat($0, &$1) }
    }

    private static func status(of path: BytePath, _ call: (UnsafePointer<CChar>, inout stat) -> Int32) throws -> FileStatus? {
        var raw = stat()
        let result = path.withCString { call($0, &raw) }
        if result == 0 { return FileStatus(raw) }
        let code = errno
        if code == ENOENT || code == ENOTDIR { return nil }
        throw OutputError.fileSystem(operation: "inspect", path: path.description, code: code)
    }

    /// `fstat` of an open descriptor.
    static func status(of descriptor: Int32, path: BytePath) throws -> FileStatus {
        var raw = stat()
        guard fstat(descriptor, &raw) == 0 else {
            throw OutputError.fileSystem(operation: "inspect", path: path.description, code: errno)
        }
        return FileStatus(raw)
    }

    /// `mkdir`; an existing folder is an error (staging folders start empty).
    static func makeDirectory(_ path: BytePath, permissions: UInt32 = 0o755) throws {
        guard path.withCString({ mkdir($0, mode_t(permissions)) }) == 0 else {
            throw OutputError.fileSystem(operation: "create folder", path: path.description, code: errno)
        }
    }

    /// Opens a new file for writing; fails if something is already there.
    static func createFile(_ path: BytePath) throws -> Int32 {
        let descriptor = path.withCString { open($0, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(0o644)) }
        guard descriptor >= 0 else {
            throw OutputError.fileSystem(operation: "create", path: path.description, code: errno)
        }
        return descriptor
    }

    /// Opens an existing file for reading.
    static func openForReading(_ path: BytePath) throws -> Int32 {
        let descriptor = path.withCString { open($0, O_RDONLY | O_CLOEXEC) }
        guard descriptor >= 0 else {
            throw OutputError.fileSystem(operation: "open", path: path.description, code: errno)
        }
        return descriptor
    }

    /// Opens a folder (for `syncfs`/`fsync`).
    static func openDirectory(_ path: BytePath) throws -> Int32 {
        let descriptor = path.withCString { open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        guard descriptor >= 0 else {
            throw OutputError.fileSystem(operation: "open folder", path: path.description, code: errno)
        }
        return descriptor
    }

    /// Writes all of `bytes`, retrying short writes and `EINTR`.
    static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, path: BytePath) throws {
        var offset = 0
        while offset < bytes.count {
            let count = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                throw OutputError.fileSystem(operation: "write", path: path.description, code: errno)
            }
            offset += count
        }
    }

    /// Reads up to `buffer.count` bytes, retrying `EINTR`; 0 means end of file.
    static func readSome(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, path: BytePath) throws -> Int {
        while true {
            let count = read(descriptor, buffer.baseAddress!, buffer.count)
            if count >= 0 { return count }
            if errno != EINTR {
                throw OutputError.fileSystem(operation: "read", path: path.description, code: errno)
            }
        }
    }

    /// `close`, reporting a failure (on NFS a failed write can surface only here).
    static func closeChecked(_ descriptor: Int32, path: BytePath) throws {
        guard close(descriptor) == 0 else {
            throw OutputError.fileSystem(operation: "finish writing", path: path.description, code: errno)
        }
    }

    /// Hard-links `source` at `destination` (symbolic links are linked, not followed).
    /// Returns the `errno` on failure so callers can fall back to copying.
    static func hardLink(_ source: BytePath, _ destination: BytePath) -> Int32? {
        let result = source.withCString { from in destination.withCString { to in linkat(AT_FDCWD, from, AT_FDCWD, to, 0) } }
        return result == 0 ? nil : errno
    }

    /// `rename`: replaces whatever is at `destination`.
    static func rename(_ source: BytePath, to destination: BytePath) throws {
        let result = source.withCString { from in destination.withCString { to in renameat(AT_FDCWD, from, AT_FDCWD, to) } }
        guard result == 0 else {
            throw OutputError.fileSystem(operation: "rename", path: source.description, code: errno)
        }
    }

    /// `unlink`, ignoring a missing file.
    static func removeFile(_ path: BytePath) throws {
        guard path.withCString({ unlink($0) }) == 0 || errno == ENOENT else {
            throw OutputError.fileSystem(operation: "remove", path: path.description, code: errno)
        }
    }

    /// `rmdir`, ignoring a missing folder.
    static func removeDirectory(_ path: BytePath) throws {
        guard path.withCString({ rmdir($0) }) == 0 || errno == ENOENT else {
            throw OutputError.fileSystem(operation: "remove folder", path: path.description, code: errno)
        }
    }

    /// `rmdir` of a folder only if it is empty; whether it was removed.
    static func removeDirectoryIfEmpty(_ path: BytePath) -> Bool {
        path.withCString { rmdir($0) } == 0
    }

    /// Sets a file's modification (and access) time, used when a hard link is impossible and an
    /// unchanged file has to be copied.
    static func setModified(_ descriptor: Int32, to timestamp: FileTimestamp, path: BytePath) throws {
        let time = timespec(tv_sec: Int(timestamp.seconds), tv_nsec: Int(timestamp.nanoseconds))
        let times = [time, time]
        guard futimens(descriptor, times) == 0 else {
            throw OutputError.fileSystem(operation: "set the modification time of", path: path.description, code: errno)
        }
    }

    /// Sets the modification (and access) time of the entry at `path`, not following a
    /// symbolic link.
    static func setModified(_ path: BytePath, to timestamp: FileTimestamp) throws {
        let time = timespec(tv_sec: Int(timestamp.seconds), tv_nsec: Int(timestamp.nanoseconds))
        let times = [time, time]
        guard path.withCString({ utimensat(AT_FDCWD, $0, times, AT_SYMLINK_NOFOLLOW) }) == 0 else {
            throw OutputError.fileSystem(operation: "set the modification time of", path: path.description, code: errno)
        }
    }

    /// The link target of a symbolic link.
    static func linkTarget(_ path: BytePath) throws -> BytePath {
        var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = path.withCString { cPath in
            buffer.withUnsafeMutableBufferPointer { readlink(cPath, UnsafeMutableRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), $0.count) }
        }
        guard count >= 0 else {
            throw OutputError.fileSystem(operation: "read the link", path: path.description, code: errno)
        }
        return BytePath(bytes: Array(buffer[..<count]))
    }

    /// Creates a symbolic link at `path` pointing to `target`.
    static func makeSymlink(_ path: BytePath, to target: BytePath) throws {
        guard target.withCString({ to in path.withCString { symlink(to, $0) } }) == 0 else {
            throw OutputError.fileSystem(operation: "create the link", path: path.description, code: errno)
        }
    }

    /// The canonical absolute path of an existing entry (symbolic links resolved).
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

extension SystemCalls {
    /// `chmod`, used to give the staging tree the output folder's permissions.
    static func setPermissions(_ path: BytePath, _ permissions: UInt32) throws {
        guard path.withCString({ chmod($0, mode_t(permissions)) }) == 0 else {
            throw OutputError.fileSystem(operation: "set permissions of", path: path.description, code: errno)
        }
    }
}
