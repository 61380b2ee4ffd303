/// libFuzzer entry for the front matter splitter: raw bytes go through the same decoding the
/// loader applies (BOM, NUL, UTF-8, line breaks), then `FrontMatter.split`; the pieces it
/// returns must lie inside the text and the body line must be past the YAML.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard case .success(let source) = SourceDecoder.decode(bytes, path: "content/fuzz/a.md") else { return 0 }
    switch FrontMatter.split(source.text) {
    case .found(let yaml, let body, let bodyLine):
        precondition(yaml.endIndex <= body.startIndex, "YAML overlaps the body")
        precondition(bodyLine >= 3, "body line \(bodyLine) before the closing delimiter")
        _ = source.line(bodyLine)
    case .empty, .missing, .unterminated:
        break
    }
    return 0
}
