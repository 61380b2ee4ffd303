import Testing
@testable import SiteGen
@testable import SiteGenYAML
@testable import SiteGenCore

@Suite struct YAMLTests {
    private func parse(_ text: String, limits: YAMLParser.Limits = YAMLParser.Limits()) throws -> YAMLNode {
        try #require(try YAMLParser.parse(text, limits: limits))
    }

    private func error(_ text: String, limits: YAMLParser.Limits = YAMLParser.Limits()) -> YAMLError? {
        do {
            _ = try YAMLParser.parse(text, limits: limits)
            return nil
        } catch {
            return error
        }
    }

    @Test func scalarValuesCarryOneBasedPositions() throws {
        let root = try parse("title: 法治\nhits: 42\n")
        let pairs = try #require(root.pairs)
        #expect(pairs.map(\.name) == ["title", "hits"])
        #expect(pairs[0].key.line == 1 && pairs[0].key.column == 1)
        #expect(pairs[0].value == YAMLNode(.scalar("法治", plain: true), line: 1, column: 8))
        #expect(pairs[1].value == YAMLNode(.scalar("42", plain: true), line: 2, column: 7))
    }

    @Test func nestedCollectionsKeepPositions() throws {
        let root = try parse("lists:\n  hot: 5\ntags:\n  - a\n  - b\n")
        let pairs = try #require(root.pairs)
        let lists = try #require(pairs[0].value.pairs)
        #expect(lists[0].value.line == 2 && lists[0].value.column == 8)
        let tags = try #require(pairs[1].value.items)
        #expect(tags.map(\.scalarText) == ["a", "b"])
        #expect(tags[1].line == 5 && tags[1].column == 5)
    }

    @Test func quotedScalarsAreNotPlain() throws {
        let pairs = try #require(try parse("a: \"2024\"\nb: '1'\nc: 2024\nd: !!str 7\n").pairs)
        #expect(pairs[0].value.value == .scalar("2024", plain: false))
        #expect(pairs[1].value.value == .scalar("1", plain: false))
        #expect(pairs[2].value.value == .scalar("2024", plain: true))
        #expect(pairs[3].value.templateValue == .string("7"))
        #expect(pairs[2].value.templateValue == .int(2024))
    }

    @Test func columnsCountUnicodeScalarsNotBytes() throws {
        let pairs = try #require(try parse("标题: 值\n").pairs)
        #expect(pairs[0].value.column == 5)
    }

    @Test func multiLineScalarsStartWhereTheirIndicatorIs() throws {
        let pairs = try #require(try parse("summary: |\n  第一行\n  第二行\nnext: x\n").pairs)
        #expect(pairs[0].value.value == .scalar("第一行\n第二行\n", plain: false))
        #expect(pairs[0].value.line == 1)
        #expect(pairs[1].key.line == 4)
    }

    @Test(arguments: [
        ("~", TemplateValue.null), ("null", .null), ("", .null), ("true", .bool(true)), ("False", .bool(false)),
        ("yes", .string("yes")), ("12", .int(12)), ("-3", .int(-3)), ("0x1F", .int(31)), ("0o17", .int(15)),
        ("1.5", .double(1.5)), ("1e3", .double(1000)), (".inf", .double(.infinity)), ("2024-07-10", .string("2024-07-10")),
        ("1.2.3", .string("1.2.3")),
    ])
    func plainScalarsFollowTheCoreSchema(text: String, expected: TemplateValue) {
        #expect(YAMLCoreSchema.resolve(text, plain: true) == expected)
    }

    @Test func anchorsAndAliasesResolve() throws {
        let pairs = try #require(try parse("a: &x [1, 2]\nb: *x\n").pairs)
        #expect(pairs[1].value.items?.map(\.scalarText) == ["1", "2"])
        #expect(pairs[1].value.line == 2 && pairs[1].value.column == 4)
    }

    @Test func aliasBombIsRejected() throws {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            text += "a\(level): &a\(level) [\(refs)]\n"
        }
        let failure = try #require(error(text))
        #expect(failure.message.contains("more than 100000 nodes"))
    }

    @Test func deepNestingIsRejected() throws {
        let text = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        let failure = try #require(error(text))
        #expect(failure.message == "nesting is deeper than 64 levels")
        #expect(failure.line == 1 && failure.column == 65)
    }

    @Test func aliasOfDeepNodeCountsTowardsDepth() throws {
        let deep = String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
        let text = "a: &d \(deep)\nb: " + String(repeating: "[", count: 30) + "*d" + String(repeating: "]", count: 30) + "\n"
        let failure = try #require(error(text))
        #expect(failure.message == "alias '*d' nests deeper than 64 levels")
    }

    @Test func duplicateKeysAreReportedAtTheSecondKey() throws {
        let failure = try #require(error("title: a\ndate: 2024-01-01\ntitle: b\n"))
        #expect(failure == YAMLError("duplicate key 'title'", line: 3, column: 1))
    }

    @Test func nonScalarKeysAreRejected() throws {
        let failure = try #require(error("? [a, b]\n: c\n"))
        #expect(failure.message == "a mapping key must be a scalar, not a list")
    }

    @Test func unknownAliasIsAnError() throws {
        #expect(error("a: *nope\n")?.message == "unknown alias '*nope'")
    }

    @Test func libyamlErrorsKeepProblemTextAndPosition() throws {
        let failure = try #require(error("title: a\ntags: [a, b\n"))
        #expect(failure.message == "did not find expected ',' or ']' (while parsing a flow sequence)")
        #expect(failure.line == 3 && failure.column == 1)
    }

    @Test func onlyTheFirstDocumentIsRead() throws {
        let root = try parse("a: 1\n---\nb: 2\n")
        #expect(root.pairs?.map(\.name) == ["a"])
    }

    @Test func emptyTextHasNoDocument() throws {
        #expect(try YAMLParser.parse("") == nil)
        #expect(try YAMLParser.parse("# only a comment\n") == nil)
    }
}
