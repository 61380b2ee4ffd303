#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few `lstat` fields the writer decides on.
struct FileStatus: Sendable, Hashable {
    /// What kind of entry it is.
    enum Kind: Sendable, Hashable {
        case regular, directory, symlink, other
    }

    /// Entry kind (a symbolic link is reported as itself, never followed).
    var kind: Kind
    /// Size in bytes.
    var size: Int64
    /// Last modification.
    var modified: FileTimestamp
    /// Device, to spot mount points.
    var device: UInt64
    /// Permission bits.
    var permissions: UInt32

    /// Converts a C `stat`.
    init(_ raw: stat) {
        switch UInt32(raw.st_mode) & UInt32(S_IFMT) {
        case UInt32(S_IFREG): kind = .regular
        case UInt32(S_IFDIR): kind = .directory
        case UInt32(S_IFLNK): kind = .symlink
        default: kind = .other
        }
        size = Int64(raw.st_size)
        #if canImport(Glibc)
        modified = FileTimestamp(seconds: Int64(raw.st_mtim.tv_sec), nanoseconds: Int64(raw.st_mtim.tv_nsec))
        #else
        modified = FileTimestamp(seconds: Int64(raw.st_mtimespec.tv_sec), nanoseconds: Int64(raw.st_mtimespec.tv_nsec))
        #endif
        device = UInt64(raw.st_dev)
        permissions = UInt32(raw.st_mode) & 0o7777
    }
}
