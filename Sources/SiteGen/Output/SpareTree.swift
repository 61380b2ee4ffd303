#if canImport(Glibc)
import Glibc
import SiteGenCore
#elseif canImport(Darwin)
import Darwin
#endif

/// A second copy of the output folder made of hard links (`.<name>.sitegen-spare` beside it),
/// kept between builds so that a small change is published atomically at the cost of the
/// change rather than of the whole site.
///
/// How a write uses it (`OutputWriter`):
/// 1. The output must still be exactly what the last write left: the same manifest and every
///    folder's modification time unchanged (so nobody added, removed or renamed an entry in it;
///    files edited in place are caught by the writer's size/mtime check of each file).
/// 2. The record of the last write is deleted, then the spare, which holds the tree from before
///    the last write, catches up by replaying that write's changes: hard links to the output's
///    new files, removal of the files it dropped.
/// 3. This build's changes go into the spare; a changed file is always a new inode, never a
///    write into a file the output shares.
/// 4. Spare and output are exchanged in one `renameat2(RENAME_EXCHANGE)`; the old output is the
///    next spare, and this write's changes are recorded for its catch-up.
///
/// A write killed between 2 and 4 leaves the output whole and no record: the next write does
/// not trust the spare, removes it and stages a complete tree instead.
enum SpareTree {
    /// What the last write left, saved beside the output after the exchange.
    struct Record: Equatable {
        /// Hash of the output's manifest file after the last write.
        var manifestHash: UInt64
        /// Every folder of the output (the root as the empty path) with its modification time.
        var folders: [BytePath: FileTimestamp]
        /// Files the output holds that the spare lacks or holds in an older version.
        var changed: [BytePath]
        /// Files the spare holds that the output no longer has.
        var removed: [BytePath]
    }

    private static let header = "sitegen-spare 1"

    // MARK: The record

    /// The record of the last write, `nil` when there is none or it is damaged.
    static func loadRecord(_ location: OutputLocation) -> Record? {
        guard let bytes = try? FileStager.readAll(location.spareRecordPath) else { return nil }
        let lines = bytes.split(separator: 0x0A)
        guard lines.count >= 2, lines[0].elementsEqual(header.utf8) else { return nil }
        let hashLine = lines[1]
        guard hashLine.count == 17, hashLine.first == UInt8(ascii: "m"),
              let manifestHash = UInt64(String(decoding: hashLine.dropFirst(), as: UTF8.self), radix: 16)
        else { return nil }
        var record = Record(manifestHash: manifestHash, folders: [:], changed: [], removed: [])
        record.folders.reserveCapacity(lines.count)
        for line in lines.dropFirst(2) {
            guard let kind = line.first, line.count >= 2, line[line.startIndex + 1] == 0x09 else { return nil }
            let rest = line.dropFirst(2)
            switch kind {
            case UInt8(ascii: "d"):
                guard let tab = rest.firstIndex(of: 0x09), let modified = FileTimestamp(parsing: rest[..<tab]) else { return nil }
                record.folders[BytePath(bytes: Array(rest[(tab + 1)...]))] = modified
            case UInt8(ascii: "c"):
                record.changed.append(BytePath(bytes: Array(rest)))
            case UInt8(ascii: "r"):
                record.removed.append(BytePath(bytes: Array(rest)))
            default:
                return nil
            }
        }
        return record.folders[BytePath(bytes: [])] == nil ? nil : record
    }

    /// Saves `record` (write to a temporary name, then rename). A folder name with a line
    /// break cannot be recorded: then no record is saved and the next write stages a full tree.
    static func saveRecord(_ record: Record, _ location: OutputLocation) throws {
        let paths = Array(record.folders.keys) + record.changed + record.removed
        guard !paths.contains(where: { $0.bytes.contains(0x0A) }) else { return }
        var text = Array("\(header)\nm\(OutputManifest.hex(record.manifestHash))\n".utf8)
        for (folder, modified) in record.folders {
            text.append(contentsOf: [UInt8(ascii: "d"), 0x09])
            modified.append(to: &text)
            text.append(0x09)
            text.append(contentsOf: folder.bytes)
            text.append(0x0A)
        }
        for (kind, paths) in [("c", record.changed), ("r", record.removed)] {
            for path in paths {
                text.append(contentsOf: "\(kind)\t".utf8)
                text.append(contentsOf: path.bytes)
                text.append(0x0A)
            }
        }
        let temporary = BytePath(location.spareRecordPath.description + ".new")
        try SystemCalls.removeFile(temporary)
        let descriptor = try SystemCalls.createFile(temporary)
        do {
            try text.withUnsafeBytes { try SystemCalls.writeAll(descriptor, $0, path: temporary) }
        } catch {
            close(descriptor)
            throw error
        }
        try SystemCalls.closeChecked(descriptor, path: temporary)
        try SystemCalls.rename(temporary, to: location.spareRecordPath)
    }

    /// Deletes the record: from now on the spare is not trusted until a write records it again.
    static func discardRecord(_ location: OutputLocation) throws {
        try SystemCalls.removeFile(location.spareRecordPath)
    }

    /// Removes the spare and its record.
    static func discard(_ location: OutputLocation) throws {
        try discardRecord(location)
        try TreeRemover.remove(location.sparePath)
    }

    // MARK: Checks and catch-up

    /// Whether the output at `output` is still what `record` describes: the manifest's hash is
    /// `manifestHash`, and every recorded folder exists with the recorded modification time.
    static func outputMatches(_ record: Record, output: BytePath, manifestHash: UInt64) -> Bool {
        guard record.manifestHash == manifestHash else { return false }
        let folders = Array(record.folders)
        let verdicts = DisjointSlots<Bool>(count: folders.count)
        ParallelWork.forEach(count: folders.count) { index in
            let status = try? SystemCalls.status(of: absolute(folders[index].key, in: output))
            verdicts.set(index, status?.kind == .directory && status?.modified == folders[index].value)
        }
        return (0..<folders.count).allSatisfy { verdicts[$0] == true }
    }

    /// A moment safely in the past (one second before now) that a write gives the folders it
    /// changed, before it publishes them.
    ///
    /// Why: a file system stamps a change with a clock that may tick only every few
    /// milliseconds, so a folder changed right after its time was recorded could keep the same
    /// time. A folder set to a past time gets a different one from any later change.
    static func settledTime() -> FileTimestamp {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return FileTimestamp(seconds: Int64(now.tv_sec) - 1, nanoseconds: Int64(now.tv_nsec))
    }

    /// Gives `folders` of `root` the modification time `time` (see `settledTime`).
    static func settle(_ folders: some Collection<BytePath>, in root: BytePath, at time: FileTimestamp) throws {
        try FileSystemBatch.forEach(Array(folders)) { try SystemCalls.setModified(absolute($0, in: root), to: time) }
    }

    /// The record of `output` after a write that settled its changed folders at `settled`;
    /// `nil` when a folder changed since (someone wrote into the output meanwhile), as its time
    /// could then be stale.
    static func record(
        of output: BytePath, folders: some Collection<BytePath>, settled: FileTimestamp,
        manifestHash: UInt64, changed: [BytePath], removed: [BytePath]
    ) throws -> Record? {
        let times = try folderTimes(Array(folders), in: output)
        guard times.values.allSatisfy({ $0 <= settled }) else { return nil }
        return Record(manifestHash: manifestHash, folders: times, changed: changed, removed: removed)
    }

    /// The modification time of each of `folders` of `output` as it is now.
    private static func folderTimes(_ folders: [BytePath], in output: BytePath) throws -> [BytePath: FileTimestamp] {
        let times = DisjointSlots<Result<FileTimestamp, any Error>>(count: folders.count)
        ParallelWork.forEach(count: folders.count) { index in
            times.set(index, Result {
                let path = absolute(folders[index], in: output)
                guard let status = try SystemCalls.status(of: path), status.kind == .directory else {
                    throw OutputError.fileSystem(operation: "inspect", path: path.description, code: ENOTDIR)
                }
                return status.modified
            })
        }
        var result: [BytePath: FileTimestamp] = [:]
        result.reserveCapacity(folders.count)
        for (index, folder) in folders.enumerated() { result[folder] = try times[index]?.get() }
        return result
    }

    /// Brings the spare (created if missing) to the output's state by replaying `record`'s
    /// changes: the dropped files go, the changed ones are hard-linked from the output, and
    /// folders the output no longer has are removed.
    static func catchUp(_ spare: BytePath, output: BytePath, record: Record) throws {
        let fresh = try SystemCalls.status(of: spare) == nil
        if fresh { try SystemCalls.makeDirectory(spare) }
        try FileSystemBatch.forEach(record.removed) { try SystemCalls.removeFile(spare.appending($0)) }
        try makeFolders(for: record.changed, in: spare, except: [:])
        try FileSystemBatch.forEach(record.changed) { path in
            let destination = spare.appending(path)
            if !fresh { try SystemCalls.removeFile(destination) }
            if let code = SystemCalls.hardLink(output.appending(path), destination) {
                throw OutputError.fileSystem(operation: "link", path: destination.description, code: code)
            }
        }
        let gone = Set(record.removed.flatMap(\.ancestors)).filter { record.folders[$0] == nil }
        for folder in gone.sorted(by: { $0.bytes.count > $1.bytes.count }) {
            try SystemCalls.removeDirectory(spare.appending(folder))
        }
    }

    /// Creates in `root` the missing ancestors of `paths`, parents first, skipping `existing`;
    /// returns the folders it created. Something other than a folder in the way is an error.
    @discardableResult
    static func makeFolders(for paths: [BytePath], in root: BytePath, except existing: [BytePath: FileTimestamp]) throws -> Set<BytePath> {
        var wanted: Set<BytePath> = []
        for path in paths {
            for ancestor in path.ancestors.reversed() {
                if existing[ancestor] != nil || !wanted.insert(ancestor).inserted { break }
            }
        }
        return try FileSystemBatch.makeFolders(wanted, in: root, existingAllowed: true)
    }

    // MARK: Helpers

    private static func absolute(_ folder: BytePath, in output: BytePath) -> BytePath {
        folder.bytes.isEmpty ? output : output.appending(folder)
    }
}
