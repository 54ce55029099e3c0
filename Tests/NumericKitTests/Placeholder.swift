import XCTest
final class PlaceholderNumericKitTests: XCTestCase { func testNothing() {} }
