#if canImport(Glibc)
import Glibc
import SiteGenCore
#elseif canImport(Darwin)
import Darwin
#endif

/// Lists the files below a folder of the site, skipping hidden entries, following symbolic
/// links that stay inside the site (with loop detection) and skipping, with a warning, those
/// that lead outside it.
///
/// Uses `openat`/`readdir`/`fstatat` relative to the open parent folder: with 50,000 articles,
/// Foundation's enumerator (or a `stat` of every absolute path) would cost more than parsing.
/// The top-level folders are listed in parallel; if any symbolic link turns up, the listing is
/// done again in one serial pass, so which of two paths to the same folder wins (and is
/// warned about) never depends on thread timing.
struct SiteWalker {
    /// A regular file found by the walk.
    struct Entry: Sendable, Hashable {
        /// Path relative to the walked folder with `/` separators, e.g. `guonei/a.md`.
        var relativePath: String
        /// Absolute path for reading.
        var absolutePath: String
        /// The file's status when it was listed (following a symbolic link), `nil` when not known.
        var status: FileStatus? = nil
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
        self.siteRoot = SystemCalls.realPath(siteRoot) ?? siteRoot
    }

    /// All files below `<siteRoot>/<folder>`, sorted by relative path. `folder` is relative to
    /// the site and is used as the path prefix in messages.
    mutating func files(in folder: String) -> [Entry] {
        let absolute = siteRoot + "/" + folder
        var info = stat()
        guard stat(absolute, &info) == 0 else { return [] }
        let rootIdentity = DirectoryIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        var entries: [Entry] = []
        if !visited.contains(rootIdentity), let parallel = Self.parallelWalk(absolute: absolute, display: folder, siteRoot: siteRoot) {
            entries = parallel.entries
            diagnostics.append(contentsOf: parallel.diagnostics)
            visited.insert(rootIdentity)
            visited.formUnion(parallel.visited)
        } else {
            // Folders seen by earlier calls count as visited, as in one serial walk.
            var walk = Walk(siteRoot: siteRoot, followLinks: true)
            walk.visited = visited
            walk.visited.insert(rootIdentity)
            walk.walk(absolute: absolute, relative: "", display: folder)
            visited = walk.visited
            entries = walk.entries
            diagnostics.append(contentsOf: walk.diagnostics)
        }
        entries.sort { $0.relativePath < $1.relativePath }
        return entries
    }

    /// Lists each top-level folder of `absolute` on its own thread; `nil` when a symbolic link
    /// was met anywhere (the caller then walks serially).
    private static func parallelWalk(
        absolute: String, display: String, siteRoot: String
    ) -> (entries: [Entry], diagnostics: Diagnostics, visited: Set<DirectoryIdentity>)? {
        var top = Walk(siteRoot: siteRoot, followLinks: false)
        let subfolders = top.walk(absolute: absolute, relative: "", display: display, descend: false)
        guard !top.sawLink else { return nil }
        let walks = ParallelWork.map(subfolders.count) { index in
            let name = subfolders[index]
            var walk = Walk(siteRoot: siteRoot, followLinks: false)
            walk.walk(absolute: absolute + "/" + name, relative: name, display: display + "/" + name)
            return walk
        }
        guard !walks.contains(where: \.sawLink) else { return nil }
        var entries = top.entries
        var diagnostics = top.diagnostics
        var visited = top.visited
        for walk in walks {
            entries.append(contentsOf: walk.entries)
            diagnostics.append(contentsOf: walk.diagnostics)
            visited.formUnion(walk.visited)
        }
        return (entries, diagnostics, visited)
    }

    /// One depth-first listing.
    private struct Walk {
        let siteRoot: String
        /// Whether symbolic links are followed; when not, meeting one sets `sawLink` and stops.
        let followLinks: Bool
        var entries: [Entry] = []
        var diagnostics = Diagnostics()
        var visited = Set<DirectoryIdentity>()
        var sawLink = false

        /// Lists `absolute`; with `descend` false, returns the names of its subfolders instead
        /// of walking them.
        @discardableResult
        mutating func walk(absolute: String, relative: String, display: String, descend: Bool = true) -> [String] {
            let folder = open(absolute, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard folder >= 0, let directory = fdopendir(folder) else {
                if folder >= 0 { close(folder) }
                diagnostics.error("cannot read folder: \(String(cString: strerror(errno)))", at: SourceLocation(path: display))
                return []
            }
            defer { closedir(directory) }
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
            names.sort()
            let descriptor = dirfd(directory)
            var subfolders: [String] = []
            for name in names {
                let childAbsolute = absolute + "/" + name
                let childRelative = relative.isEmpty ? name : relative + "/" + name
                let childDisplay = display + "/" + name
                var info = stat()
                guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
                    diagnostics.error("cannot read: \(String(cString: strerror(errno)))", at: SourceLocation(path: childDisplay))
                    continue
                }
                if (info.st_mode & S_IFMT) == S_IFLNK {
                    guard followLinks else {
                        sawLink = true
                        return []
                    }
                    guard let target = SystemCalls.realPath(childAbsolute), stat(childAbsolute, &info) == 0 else {
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
                    guard descend else {
                        visited.insert(identity)
                        subfolders.append(name)
                        continue
                    }
                    guard visited.insert(identity).inserted else {
                        diagnostics.warning("folder skipped: it was already visited (a symbolic link loop?)",
                                            at: SourceLocation(path: childDisplay))
                        continue
                    }
                    walk(absolute: childAbsolute, relative: childRelative, display: childDisplay)
                    if sawLink { return [] }
                case S_IFREG:
                    entries.append(Entry(relativePath: childRelative, absolutePath: childAbsolute, status: FileStatus(info)))
                default:
                    // FIFOs, sockets and devices: opening a FIFO would block the build forever.
                    diagnostics.warning("skipped: not a regular file or folder", at: SourceLocation(path: childDisplay))
                }
            }
            return subfolders
        }
    }
}
