#if canImport(Glibc)
import Foundation
import Glibc

/// Watches a site's sources (`site.yml`, `content/`, `themes/` recursively) with Linux inotify
/// and delivers debounced batches of changed paths.
///
/// One blocking thread polls the inotify descriptor and a stop pipe; it owns all inotify state,
/// so nothing here needs a lock except starting the shutdown. Editor temporary files and the
/// output folder are ignored so that saving in Vim or writing `public/` does not rebuild twice.
final class FileWatcher: Sendable {
    /// Why watching could not start.
    struct StartError: Error, CustomStringConvertible {
        /// What failed, with the system's reason.
        let description: String
    }

    /// Batches of changed paths relative to the site folder (e.g. `content/guonei/a.md`),
    /// sorted; one batch per burst of edits.
    let changes: AsyncStream<[String]>

    private let stopper: Stopper

    /// Starts watching `root`; `names` are the top-level entries watched (folders recursively).
    /// `ignoredDirectories` are absolute paths never reported (the output folder).
    init(
        root: String,
        names: [String] = ["site.yml", "content", "themes"],
        ignoredDirectories: [String] = [],
        debounce: Duration = .milliseconds(150)
    ) throws(StartError) {
        let inotifyFD = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard inotifyFD >= 0 else { throw StartError(description: "inotify_init1 failed: \(String(cString: strerror(errno)))") }
        var pipeFDs: [Int32] = [-1, -1]
        guard pipe(&pipeFDs) == 0 else {
            close(inotifyFD)
            throw StartError(description: "pipe failed: \(String(cString: strerror(errno)))")
        }
        let (stream, continuation) = AsyncStream.makeStream(of: [String].self)
        let rootPath = URL(fileURLWithPath: root).standardizedFileURL.path
        let reader = InotifyReader(
            inotifyFD: inotifyFD,
            stopFD: pipeFDs[0],
            root: rootPath,
            names: Set(names),
            ignoredDirectories: ignoredDirectories.map { URL(fileURLWithPath: $0).standardizedFileURL.path },
            debounce: debounce,
            continuation: continuation
        )
        do {
            try reader.watchInitialTree()
        } catch {
            close(inotifyFD)
            close(pipeFDs[0])
            close(pipeFDs[1])
            throw error
        }
        self.changes = stream
        self.stopper = Stopper(writeFD: pipeFDs[1])
        let thread = Thread { reader.run() }
        thread.name = "sitegen-file-watcher"
        thread.start()
    }

    /// Vim swap files, Emacs lock and backup files, and Vim's `4913` write probe.
    static func isEditorTemporary(_ name: String) -> Bool {
        name.hasSuffix(".swp") || name.hasSuffix(".swx") || name.hasSuffix(".swo") || name.hasSuffix("~")
            || name.hasPrefix(".#") || name == "4913"
    }

    /// Stops watching: the thread closes the inotify descriptor and finishes ``changes``.
    func stop() {
        stopper.stop()
    }

    deinit {
        stopper.stop()
    }
}

/// Closes the write end of the stop pipe exactly once, which wakes the watcher thread.
private final class Stopper: @unchecked Sendable {
    private let lock = NSLock()
    private var writeFD: Int32

    init(writeFD: Int32) { self.writeFD = writeFD }

    func stop() {
        lock.lock()
        defer { lock.unlock() }
        guard writeFD >= 0 else { return }
        close(writeFD)
        writeFD = -1
    }
}

/// The watcher thread's state: inotify descriptor, watch descriptors and pending changes.
///
/// `@unchecked Sendable` because it is handed to its thread once and used only there.
private final class InotifyReader: @unchecked Sendable {
    private static let mask = UInt32(IN_CREATE | IN_MODIFY | IN_CLOSE_WRITE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF)

    private let inotifyFD: Int32
    private let stopFD: Int32
    private let root: String
    private let names: Set<String>
    private let ignoredDirectories: [String]
    private let debounce: Duration
    private let continuation: AsyncStream<[String]>.Continuation
    private var directories: [Int32: String] = [:]
    private var rootWatch: Int32 = -1
    private var pending: Set<String> = []

    init(inotifyFD: Int32, stopFD: Int32, root: String, names: Set<String>, ignoredDirectories: [String], debounce: Duration, continuation: AsyncStream<[String]>.Continuation) {
        self.inotifyFD = inotifyFD
        self.stopFD = stopFD
        self.root = root
        self.names = names
        self.ignoredDirectories = ignoredDirectories
        self.debounce = debounce
        self.continuation = continuation
    }

    /// Watches the root folder (for `site.yml` and folders appearing) and every watched folder.
    func watchInitialTree() throws(FileWatcher.StartError) {
        rootWatch = inotify_add_watch(inotifyFD, root, Self.mask)
        guard rootWatch >= 0 else {
            throw FileWatcher.StartError(description: "cannot watch \(root): \(String(cString: strerror(errno)))")
        }
        for name in names.sorted() {
            watchTree(root + "/" + name, reportFiles: false)
        }
    }

    /// The thread body: wait for events or the stop signal, flush a batch when quiet.
    func run() {
        var deadline: ContinuousClock.Instant?
        let clock = ContinuousClock()
        while true {
            var timeout: Int32 = -1
            if let deadline {
                let remaining = clock.now.duration(to: deadline)
                timeout = max(0, Int32(remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000))
            }
            var fds = [
                pollfd(fd: inotifyFD, events: Int16(POLLIN), revents: 0),
                pollfd(fd: stopFD, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&fds, 2, timeout)
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            if fds[1].revents != 0 { break }
            if fds[0].revents & Int16(POLLIN) != 0, readEvents() {
                deadline = clock.now.advanced(by: debounce)
            }
            if let current = deadline, clock.now >= current {
                deadline = nil
                if !pending.isEmpty {
                    continuation.yield(pending.sorted())
                    pending.removeAll()
                }
            }
        }
        close(inotifyFD)
        close(stopFD)
        continuation.finish()
    }

    /// Drains the descriptor; returns whether any event arrived (which restarts the debounce).
    private func readEvents() -> Bool {
        let capacity = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
        defer { buffer.deallocate() }
        var sawEvent = false
        while true {
            let count = read(inotifyFD, buffer, capacity)
            if count <= 0 { break }
            var offset = 0
            while offset + 16 <= count {
                let watch = buffer.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                let mask = buffer.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                let nameLength = Int(buffer.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                let nameStart = buffer.advanced(by: offset + 16).assumingMemoryBound(to: UInt8.self)
                let nameBytes = UnsafeBufferPointer(start: nameStart, count: nameLength).prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                handle(watch: watch, mask: mask, name: name)
                sawEvent = true
                offset += 16 + nameLength
            }
        }
        return sawEvent
    }

    private func handle(watch: Int32, mask: UInt32, name: String) {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            pending.insert(".")
            return
        }
        if mask & UInt32(IN_IGNORED) != 0 {
            directories.removeValue(forKey: watch)
            return
        }
        let isDirectory = mask & UInt32(IN_ISDIR) != 0
        let appeared = mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0
        let path: String
        if watch == rootWatch {
            guard names.contains(name) else { return }
            path = root + "/" + name
        } else {
            guard let directory = directories[watch] else { return }
            path = name.isEmpty ? directory : directory + "/" + name
        }
        if isDirectory && mask & UInt32(IN_MOVED_FROM) != 0 {
            forgetTree(path)
        }
        if isDirectory && appeared {
            watchTree(path, reportFiles: true)
        }
        report(path)
    }

    /// Adds watches for `path` and its subfolders; reports files already inside a folder that
    /// appeared after the fact (they may have been written before the watch existed).
    private func watchTree(_ path: String, reportFiles: Bool) {
        guard !isIgnored(path) else { return }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return }
        let watch = inotify_add_watch(inotifyFD, path, Self.mask | UInt32(IN_ONLYDIR))
        guard watch >= 0 else { return }
        directories[watch] = path
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        for entry in entries.sorted() {
            let child = path + "/" + entry
            var childIsDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: child, isDirectory: &childIsDirectory) else { continue }
            if childIsDirectory.boolValue {
                watchTree(child, reportFiles: reportFiles)
            } else if reportFiles {
                report(child)
            }
        }
    }

    /// Drops the watches of a folder that moved away (its new name gets fresh watches).
    private func forgetTree(_ path: String) {
        for (watch, directory) in directories where directory == path || directory.hasPrefix(path + "/") {
            inotify_rm_watch(inotifyFD, watch)
            directories.removeValue(forKey: watch)
        }
    }

    private func report(_ path: String) {
        guard !isIgnored(path) else { return }
        let relative = path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
        pending.insert(relative)
    }

    private func isIgnored(_ path: String) -> Bool {
        if ignoredDirectories.contains(where: { path == $0 || path.hasPrefix($0 + "/") }) { return true }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return FileWatcher.isEditorTemporary(name)
    }
}
#endif
