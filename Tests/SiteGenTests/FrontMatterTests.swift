import Testing
@testable import SiteGen

@Suite struct FrontMatterTests {
    @Test func splitsYAMLAndBody() {
        let split = FrontMatter.split("---\ntitle: a\n---\n正文\n")
        #expect(split == .found(yaml: "title: a\n", body: "正文\n", bodyLine: 4))
    }

    @Test func toleratesTrailingBlanksOnDelimiters() {
        #expect(FrontMatter.split("--- \ntitle: a\n---\t\nbody") == .found(yaml: "title: a\n", body: "body", bodyLine: 4))
    }

    @Test func closingDelimiterAtEndOfFileGivesEmptyBody() {
        #expect(FrontMatter.split("---\na: 1\n---") == .found(yaml: "a: 1\n", body: "", bodyLine: 4))
    }

    @Test func emptyFrontMatterIsFound() {
        #expect(FrontMatter.split("---\n---\nbody") == .found(yaml: "", body: "body", bodyLine: 3))
    }

    @Test(arguments: [
        ("", FrontMatter.Split.empty), ("  \n\n", .empty), ("title: a\n", .missing), ("----\na\n---\n", .missing),
        ("---\ntitle: a\n", .unterminated), ("---", .unterminated), ("---\n", .unterminated),
    ])
    func recognisesBrokenFrontMatter(text: String, expected: FrontMatter.Split) {
        #expect(FrontMatter.split(text) == expected)
    }

    @Test func decoderDropsBOMAndNormalisesCRLF() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: a\r\n---\r\nbody\rend\r\n".utf8)
        let source = try SourceDecoder.decode(bytes, path: "content/a/x.md").get()
        #expect(source.text == "---\ntitle: a\n---\nbody\nend\n")
    }

    @Test func decoderPointsAtFirstInvalidUTF8Byte() {
        let bytes = Array("---\ntitle: 法治".utf8) + [0xFF] + Array("\n".utf8)
        guard case .failure(let failure) = SourceDecoder.decode(bytes, path: "content/a/x.md") else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.diagnostic.description == "content/a/x.md:2:10: error: file is not valid UTF-8 (byte 0xFF)")
    }

    @Test func decoderRejectsNULBytes() {
        let bytes = Array("---\nab".utf8) + [0] + Array("\n".utf8)
        guard case .failure(let failure) = SourceDecoder.decode(bytes, path: "content/a/x.md") else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.diagnostic.description == "content/a/x.md:2:3: error: file contains a NUL byte")
    }

    @Test(arguments: [
        ([0xC0, 0x80], 0), ([0x41, 0xED, 0xA0, 0x80], 1), ([0xE4, 0xB8], 0), ([0xF4, 0x90, 0x80, 0x80], 0),
    ] as [([UInt8], Int)])
    func validatorFindsOverlongSurrogateAndTruncatedSequences(bytes: [UInt8], offset: Int) {
        #expect(SourceDecoder.firstInvalidUTF8Offset(in: bytes) == offset)
    }

    @Test func validatorAcceptsValidText() {
        #expect(SourceDecoder.firstInvalidUTF8Offset(in: Array("法治 a 😀".utf8)) == nil)
    }
}
