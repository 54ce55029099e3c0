import XCTest
final class PlaceholderResonanceModelTests: XCTestCase { func testNothing() {} }
