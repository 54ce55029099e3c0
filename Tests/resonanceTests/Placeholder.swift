import XCTest
final class PlaceholderresonanceTests: XCTestCase { func testNothing() {} }
