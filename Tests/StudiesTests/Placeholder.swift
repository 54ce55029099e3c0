import XCTest
final class PlaceholderStudiesTests: XCTestCase { func testNothing() {} }
