#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lists the files below a folder of the site, skipping hidden entries, following symbolic
/// links that stay inside the site (with loop detection) and skipping, with a warning, those
/// that lead outside it.
///
/// Uses `opendir`/`readdir`/`lstat` directly: with 50,000 articles, Foundation's enumerator
/// would cost more than parsing.
struct SiteWalker {
    /// A regular file found by the walk.
    struct Entry: Sendable, Hashable {
        /// Path relative to the walked folder with `/` separators, e.g. `guonei/a.md`.
        var relativePath: String
        /// Absolute path for reading.
        var absolutePath: String
    }

    /// Real path of the site folder; symbolic links must resolve inside it.
    let siteRoot: String
    /// Everything reported so far.
    private(set) var diagnostics = Diagnostics()
    private var visited = Set<DirectoryIdentity>()

    /// A folder's identity on disk, for loop detection.
    private struct DirectoryIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    /// Creates a walker for the site at `siteRoot` (resolved to its real path).
    init(siteRoot: String) {
        self.siteRoot = SiteWalker.realPath(siteRoot) ?? siteRoot
    }

    /// All files below `<siteRoot>/<folder>`, sorted by relative path. `folder` is relative to
    /// the site and is used as the path prefix in messages.
    mutating func files(in folder: String) -> [Entry] {
        var entries: [Entry] = []
        let absolute = siteRoot + "/" + folder
        var info = stat()
        guard stat(absolute, &info) == 0 else { return [] }
        visited.insert(DirectoryIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)))
        walk(absolute: absolute, relative: "", display: folder, into: &entries)
        entries.sort { $0.relativePath < $1.relativePath }
        return entries
    }

    private mutating func walk(absolute: String, relative: String, display: String, into entries: inout [Entry]) {
        guard let directory = opendir(absolute) else {
            diagnostics.error("cannot read folder: \(String(cString: strerror(errno)))", at: SourceLocation(path: display))
            return
        }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
                    String(cString: $0)
                }
            }
            if name.hasPrefix(".") { continue }
            names.append(name)
        }
        closedir(directory)
        names.sort()

        for name in names {
            let childAbsolute = absolute + "/" + name
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            let childDisplay = display + "/" + name
            var info = stat()
            guard lstat(childAbsolute, &info) == 0 else {
                diagnostics.error("cannot read: \(String(cString: strerror(errno)))", at: SourceLocation(path: childDisplay))
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFLNK {
                guard let target = SiteWalker.realPath(childAbsolute), stat(childAbsolute, &info) == 0 else {
                    diagnostics.warning("broken symbolic link skipped", at: SourceLocation(path: childDisplay))
                    continue
                }
                guard target == siteRoot || target.hasPrefix(siteRoot + "/") else {
                    diagnostics.warning("symbolic link to \(target) skipped: it points outside the site folder",
                                        at: SourceLocation(path: childDisplay))
                    continue
                }
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                let identity = DirectoryIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
                guard visited.insert(identity).inserted else {
                    diagnostics.warning("folder skipped: it was already visited (a symbolic link loop?)",
                                        at: SourceLocation(path: childDisplay))
                    continue
                }
                walk(absolute: childAbsolute, relative: childRelative, display: childDisplay, into: &entries)
            case S_IFREG:
                entries.append(Entry(relativePath: childRelative, absolutePath: childAbsolute))
            default:
                // FIFOs, sockets and devices: opening a FIFO would block the build forever.
                diagnostics.warning("skipped: not a regular file or folder", at: SourceLocation(path: childDisplay))
            }
        }
    }

    /// `realpath(3)` as a Swift string.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
