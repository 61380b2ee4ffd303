import CLibYAML

/// Parses YAML text into a `YAMLNode` tree with 1-based positions, using libyaml's event API.
///
/// This is the only file that talks to libyaml. The parser struct lives on the heap because
/// libyaml keeps pointers into it, and the input buffer stays alive for the whole parse.
/// Anchors are resolved, with caps on the total number of nodes and on nesting depth so that an
/// alias bomb or absurd nesting becomes an error instead of a hang or a crash.
package enum YAMLParser {
    /// Caps that keep hostile input cheap.
    package struct Limits: Sendable, Hashable {
        /// Maximum number of nodes in the resolved tree (aliases count their whole subtree).
        package var maxNodes: Int = 100_000
        /// Maximum nesting depth of sequences and mappings.
        package var maxDepth: Int = 64

        /// The default limits.
        package init(maxNodes: Int = 100_000, maxDepth: Int = 64) {
            self.maxNodes = maxNodes
            self.maxDepth = maxDepth
        }
    }

    /// Parses the first document of `text`; `nil` when the text holds no document (empty or
    /// only comments). Later documents are ignored.
    package static func parse(_ text: some StringProtocol, limits: Limits = Limits()) throws(YAMLError) -> YAMLNode? {
        var owned = String(text)
        let result: Result<YAMLNode?, YAMLError> = owned.withUTF8 { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return .success(nil) }
            do throws(YAMLError) {
                return .success(try parseBytes(base, count: buffer.count, limits: limits))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private static func parseBytes(_ bytes: UnsafePointer<UInt8>, count: Int, limits: Limits) throws(YAMLError) -> YAMLNode? {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            throw YAMLError("the YAML parser could not be initialised", line: 1, column: 1)
        }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_input_string(parser, bytes, count)

        var builder = YAMLTreeBuilder(limits: limits)
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(parser, &event) == 1 else {
                throw error(from: parser.pointee)
            }
            defer { yaml_event_delete(&event) }
            let mark = YAMLMark(event.start_mark)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return builder.root
            case YAML_DOCUMENT_END_EVENT:
                return builder.root
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                let tag = string(scalar.tag)
                let plain = scalar.style == YAML_PLAIN_SCALAR_STYLE && tag != "tag:yaml.org,2002:str"
                try builder.add(YAMLNode(.scalar(text, plain: plain), line: mark.line, column: mark.column),
                                anchor: string(scalar.anchor))
            case YAML_SEQUENCE_START_EVENT:
                try builder.open(.sequence, at: mark, anchor: string(event.data.sequence_start.anchor))
            case YAML_MAPPING_START_EVENT:
                try builder.open(.mapping, at: mark, anchor: string(event.data.mapping_start.anchor))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                try builder.close()
            case YAML_ALIAS_EVENT:
                try builder.alias(string(event.data.alias.anchor) ?? "", at: mark)
            default:
                continue
            }
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private static func error(from parser: yaml_parser_t) -> YAMLError {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        let context = parser.context.map { String(cString: $0) }
        let message = context.map { "\(problem) (\($0))" } ?? problem
        if parser.error == YAML_READER_ERROR {
            return YAMLError(message, line: 1, column: 1)
        }
        let mark = YAMLMark(parser.problem_mark)
        return YAMLError(message, line: mark.line, column: mark.column)
    }
}

extension YAMLMark {
    /// Converts libyaml's 0-based mark (columns count characters, as ours do).
    fileprivate init(_ mark: yaml_mark_t) {
        self.init(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }
}
