import XCTest
final class PlaceholderSpinChainsTests: XCTestCase { func testNothing() {} }
