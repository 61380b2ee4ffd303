#if canImport(Glibc)
import Glibc
import SiteGenCore
#elseif canImport(Darwin)
import Darwin
#endif

extension FileStager.Outcome {
    /// The outcome with the file's fingerprint and input key recorded in its manifest entry.
    func recording(_ file: OutputFile) -> FileStager.Outcome {
        switch self {
        case .linked(var entry):
            entry.fingerprint = file.fingerprint
            entry.inputKey = file.inputKey
            return .linked(entry)
        case .written(var entry):
            entry.fingerprint = file.fingerprint
            entry.inputKey = file.inputKey
            return .written(entry)
        case .carried:
            return .carried
        }
    }
}

/// Puts one file into the staging tree: a hard link to the previous output's file when the bytes
/// are unchanged, a fresh file otherwise.
///
/// Why hard links: an unchanged file keeps its inode and modification time, so rsync, object
/// storage sync and CDNs upload and purge only what really changed, and staging costs one
/// `link` instead of a write.
struct FileStager: Sendable {
    /// How a file got into the staging tree.
    enum Outcome: Sendable {
        /// Linked from the previous output (unchanged).
        case linked(ManifestEntry)
        /// Written or copied (new or changed).
        case written(ManifestEntry)
        /// A foreign entry carried over.
        case carried
    }

    /// The output folder as it is now (the previous build).
    var output: BytePath
    /// The staging tree being filled.
    var staging: BytePath
    /// The previous build's manifest.
    var previous: OutputManifest
    /// Whether `staging` is a spare tree that already holds every file of `output` as a hard
    /// link (`SpareTree`): unchanged files are then left where they are, and a changed file
    /// replaces the spare's link by a new file.
    var stagingMirrorsOutput = false
    /// The files of `output` known to be as `previous` describes them (checked before the
    /// build rendered), to save checking each again; `nil` to check each file.
    var knownIntact: Set<BytePath>?

    private static let copyBufferSize = 256 * 1024

    /// Stages one of the new files.
    func stage(_ file: OutputFile, at path: BytePath) throws -> Outcome {
        let record = previous.entries[path]
        var outcome: Outcome
        switch file.contents {
        case .bytes, .deferred:
            let bytes = file.renderedBytes ?? []
            let hash = ContentHash.of(bytes)
            if let record, record.size == Int64(bytes.count), record.hash == hash, try previousFileIntact(record) {
                try linkPrevious(record)
                outcome = .linked(ManifestEntry(path: path, size: record.size, hash: hash, modified: record.modified, source: nil))
            } else {
                outcome = .written(try writeFresh(bytes, at: path, hash: hash))
            }
        case .copy(let sourcePath):
            outcome = try stageCopy(of: BytePath(sourcePath), listed: file.listedSourceStatus, at: path, record: record)
        case .previous:
            guard let record, try previousFileIntact(record) else { throw OutputError.previousFileChanged(path.description) }
            try linkPrevious(record)
            outcome = .linked(record)
        }
        return outcome.recording(file)
    }

    /// Whether staging `file` would keep the previous output's file exactly as it is (same
    /// bytes, same source, same fingerprint), so that a build with nothing changed can leave
    /// the output folder alone.
    func isUnchanged(_ file: OutputFile, at path: BytePath) throws -> Bool {
        guard let record = previous.entries[path], record.fingerprint == file.fingerprint, record.inputKey == file.inputKey,
              try previousFileIntact(record) else {
            return false
        }
        switch file.contents {
        case .bytes(let bytes):
            return record.size == Int64(bytes.count) && record.hash == ContentHash.of(bytes)
        case .copy(let sourcePath):
            guard let status = try SystemCalls.status(of: BytePath(sourcePath)) else { return false }
            return record.source == ManifestEntry.CopySource(path: BytePath(sourcePath), size: status.size, modified: status.modified)
        case .previous:
            return true
        case .deferred:
            // Rendering it here would render it twice; a page not kept as `.previous` counts as
            // changed, and staging then keeps its file if the bytes turn out equal.
            return false
        }
    }

    /// Carries a foreign entry of the previous output into the staging tree unchanged.
    func carry(_ entry: DirectoryWalker.Entry) throws -> Outcome {
        let source = output.appending(entry.path)
        let destination = staging.appending(entry.path)
        switch entry.kind {
        case .directory:
            let permissions = try SystemCalls.status(of: source)?.permissions ?? 0o755
            try SystemCalls.makeDirectory(destination, permissions: permissions)
        case .regular, .symlink, .other:
            if let code = SystemCalls.hardLink(source, destination) {
                try fallBackFromLink(source, destination, code: code, kind: entry.kind)
            }
        }
        return .carried
    }

    private func stageCopy(of source: BytePath, listed: FileStatus?, at path: BytePath, record: ManifestEntry?) throws -> Outcome {
        // The usual case first: the source untouched since the last copy, known without opening
        // it (and without a `stat` when the load stage listed it).
        if let record, let recorded = record.source, recorded.path == source,
           let status = try listed ?? SystemCalls.statusFollowingLinks(of: source), status.kind == .regular,
           status.size == recorded.size, status.modified == recorded.modified, record.size == status.size,
           try previousFileIntact(record) {
            try linkPrevious(record)
            return .linked(record)
        }
        let input = try SystemCalls.openForReading(source)
        defer { close(input) }
        let sourceStatus = try SystemCalls.status(of: input, path: source)
        guard sourceStatus.kind == .regular else { throw OutputError.copySourceNotRegular(source.description) }
        let copySource = ManifestEntry.CopySource(path: source, size: sourceStatus.size, modified: sourceStatus.modified)
        if let record, record.size == sourceStatus.size, try previousFileIntact(record) {
            // Same source untouched since the last copy: no need to read it at all. Otherwise
            // (a fresh checkout resets every mtime) hash it and keep the old copy if equal.
            let untouched = record.source == copySource
            if try untouched || Self.hash(input, path: source) == record.hash {
                try linkPrevious(record)
                return .linked(ManifestEntry(path: path, size: record.size, hash: record.hash, modified: record.modified, source: copySource))
            }
            guard lseek(input, 0, SEEK_SET) == 0 else {
                throw OutputError.fileSystem(operation: "read", path: source.description, code: errno)
            }
        }
        let destination = staging.appending(path)
        let outputDescriptor = try createFile(destination)
        var hash = ContentHash()
        var size: Int64 = 0
        let status: FileStatus
        do {
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.copyBufferSize, alignment: 16)
            defer { buffer.deallocate() }
            while true {
                let count = try SystemCalls.readSome(input, into: buffer, path: source)
                if count == 0 { break }
                let chunk = UnsafeRawBufferPointer(rebasing: buffer[..<count])
                hash.update(chunk)
                try SystemCalls.writeAll(outputDescriptor, chunk, path: destination)
                size += Int64(count)
            }
            status = try SystemCalls.status(of: outputDescriptor, path: destination)
        } catch {
            close(outputDescriptor)
            throw error
        }
        try SystemCalls.closeChecked(outputDescriptor, path: destination)
        return .written(ManifestEntry(path: path, size: size, hash: hash.finalize(), modified: status.modified, source: copySource))
    }

    /// Whether the previous output still holds the file the manifest describes (nobody edited
    /// or replaced it by hand since).
    private func previousFileIntact(_ record: ManifestEntry) throws -> Bool {
        if let knownIntact { return knownIntact.contains(record.path) }
        guard let status = try SystemCalls.status(of: output.appending(record.path)) else { return false }
        return status.kind == .regular && status.size == record.size && status.modified == record.modified
    }

    private func linkPrevious(_ record: ManifestEntry) throws {
        if stagingMirrorsOutput { return }
        let source = output.appending(record.path)
        let destination = staging.appending(record.path)
        if let code = SystemCalls.hardLink(source, destination) {
            try fallBackFromLink(source, destination, code: code, kind: .regular)
        }
    }

    /// Where hard links are impossible (FAT, some network file systems, link count limit),
    /// copies instead, keeping the modification time so the file still looks unchanged.
    private func fallBackFromLink(_ source: BytePath, _ destination: BytePath, code: Int32, kind: FileStatus.Kind) throws {
        guard code == EXDEV || code == EPERM || code == EMLINK || code == ENOTSUP || code == EOPNOTSUPP else {
            throw OutputError.fileSystem(operation: "link", path: destination.description, code: code)
        }
        switch kind {
        case .symlink:
            try SystemCalls.makeSymlink(destination, to: SystemCalls.linkTarget(source))
        case .regular:
            let input = try SystemCalls.openForReading(source)
            defer { close(input) }
            let modified = try SystemCalls.status(of: input, path: source).modified
            let bytes = try Self.readAll(input, path: source)
            let outputDescriptor = try SystemCalls.createFile(destination)
            do {
                try bytes.withUnsafeBytes { try SystemCalls.writeAll(outputDescriptor, $0, path: destination) }
                try SystemCalls.setModified(outputDescriptor, to: modified, path: destination)
            } catch {
                close(outputDescriptor)
                throw error
            }
            try SystemCalls.closeChecked(outputDescriptor, path: destination)
        case .directory, .other:
            throw OutputError.fileSystem(operation: "link", path: destination.description, code: code)
        }
    }

    private func writeFresh(_ bytes: [UInt8], at path: BytePath, hash: UInt64) throws -> ManifestEntry {
        let destination = staging.appending(path)
        let descriptor = try createFile(destination)
        let status: FileStatus
        do {
            try bytes.withUnsafeBytes { try SystemCalls.writeAll(descriptor, $0, path: destination) }
            status = try SystemCalls.status(of: descriptor, path: destination)
        } catch {
            close(descriptor)
            throw error
        }
        try SystemCalls.closeChecked(descriptor, path: destination)
        return ManifestEntry(path: path, size: Int64(bytes.count), hash: hash, modified: status.modified, source: nil)
    }

    /// A new file at `destination`; in a spare tree, the link to the output's old version is
    /// removed first, so the output's file is never written to.
    private func createFile(_ destination: BytePath) throws -> Int32 {
        if stagingMirrorsOutput { try SystemCalls.removeFile(destination) }
        return try SystemCalls.createFile(destination)
    }

    /// Writes the manifest into the staging tree, or links the previous one when identical.
    /// Returns whether it was written afresh.
    @discardableResult
    func stageManifest(_ bytes: [UInt8], previousBytes: [UInt8]?) throws -> Bool {
        let name = BytePath(OutputManifest.fileName)
        if let previousBytes, previousBytes == bytes {
            if stagingMirrorsOutput || SystemCalls.hardLink(output.appending(name), staging.appending(name)) == nil {
                return false
            }
        }
        _ = try writeFresh(bytes, at: name, hash: 0)
        return true
    }

    /// The whole contents of the file at `path`.
    static func readAll(_ path: BytePath) throws -> [UInt8] {
        let descriptor = try SystemCalls.openForReading(path)
        defer { close(descriptor) }
        return try readAll(descriptor, path: path)
    }

    private static func readAll(_ descriptor: Int32, path: BytePath) throws -> [UInt8] {
        var result: [UInt8] = []
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: copyBufferSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = try SystemCalls.readSome(descriptor, into: buffer, path: path)
            if count == 0 { return result }
            result.append(contentsOf: buffer[..<count])
        }
    }

    private static func hash(_ descriptor: Int32, path: BytePath) throws -> UInt64 {
        var hash = ContentHash()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: copyBufferSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = try SystemCalls.readSome(descriptor, into: buffer, path: path)
            if count == 0 { return hash.finalize() }
            hash.update(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
        }
    }
}
