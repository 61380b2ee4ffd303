import Testing
@testable import SiteGen

@Test func displayWidthCountsCJKAsTwo() {
    #expect(DisplayWidth.of("法制a") == 5)
}
