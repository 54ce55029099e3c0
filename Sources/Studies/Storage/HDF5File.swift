import CHDF5
import Foundation

/// An HDF5 call that failed, with the object it was working on.
public struct HDF5Error: Error, CustomStringConvertible {
    public var operation: String
    public var path: String
    public var description: String { "HDF5: \(operation) failed for \(path)" }
}

/// An attribute value: HDF5 attributes of the files this package writes are numbers or strings.
public enum HDF5Attribute: Sendable, Equatable {
    case double(Double)
    case integer(Int64)
    case unsigned(UInt64)
    case string(String)
}

/// A thin wrapper over the serial HDF5 library (Debian's libhdf5-dev): an open file, groups,
/// one-dimensional or two-dimensional datasets of `Double` (IEEE little-endian 64-bit) and
/// `Int64`, and scalar attributes. Every call's status is checked and turned into `HDF5Error`;
/// HDF5's own error stack printing is switched off. HDF5 is not thread-safe here: one file is
/// used from one thread at a time.
public final class HDF5File {
    let id: hid_t
    public let url: URL

    static let quietErrors: Void = { H5Eset_auto2(0, nil, nil) }()

    /// Creates (or truncates) a file for writing.
    public init(creating url: URL) throws {
        _ = Self.quietErrors
        self.url = url
        let id = H5Fcreate(url.path, resonancekit_h5f_acc_trunc(), resonancekit_h5p_default(), resonancekit_h5p_default())
        guard id >= 0 else { throw HDF5Error(operation: "create", path: url.path) }
        self.id = id
    }

    /// Opens an existing file read-only.
    public init(reading url: URL) throws {
        _ = Self.quietErrors
        self.url = url
        let id = H5Fopen(url.path, resonancekit_h5f_acc_rdonly(), resonancekit_h5p_default())
        guard id >= 0 else { throw HDF5Error(operation: "open", path: url.path) }
        self.id = id
    }

    deinit { H5Fclose(id) }

    /// Writes everything to disk now.
    public func flush() throws {
        guard H5Fflush(id, H5F_SCOPE_GLOBAL) >= 0 else { throw HDF5Error(operation: "flush", path: url.path) }
    }

    func failure(_ operation: String, _ path: String) -> HDF5Error { HDF5Error(operation: operation, path: url.path + ":" + path) }

    /// A link-creation property list that creates missing intermediate groups.
    func linkCreation() throws -> hid_t {
        let list = H5Pcreate(resonancekit_h5p_link_create())
        guard list >= 0, H5Pset_create_intermediate_group(list, 1) >= 0 else { throw failure("link property list", "") }
        return list
    }

    public func exists(_ path: String) -> Bool {
        guard path != "/" else { return true }
        // Every parent must exist before H5Lexists may be asked about a child.
        var prefix = ""
        for part in path.split(separator: "/") {
            prefix += "/" + part
            guard H5Lexists(id, prefix, resonancekit_h5p_default()) > 0 else { return false }
        }
        return true
    }

    /// Creates a group (and its missing parents).
    public func createGroup(_ path: String) throws {
        guard !exists(path) else { return }
        let list = try linkCreation()
        defer { H5Pclose(list) }
        let group = H5Gcreate2(id, path, list, resonancekit_h5p_default(), resonancekit_h5p_default())
        guard group >= 0 else { throw failure("create group", path) }
        H5Gclose(group)
    }

    /// Writes `values` as a dataset of `shape` (row-major; default one-dimensional).
    public func write(_ values: [Double], shape: [Int]? = nil, to path: String) throws {
        try writeDataset(path, shape: shape ?? [values.count], count: values.count,
                         fileType: resonancekit_h5t_ieee_f64le(), memoryType: resonancekit_h5t_native_double()) { buffer in
            values.withUnsafeBytes { buffer($0.baseAddress) }
        }
    }

    /// Writes `values` as a 64-bit integer dataset.
    public func write(_ values: [Int64], shape: [Int]? = nil, to path: String) throws {
        try writeDataset(path, shape: shape ?? [values.count], count: values.count,
                         fileType: resonancekit_h5t_std_i64le(), memoryType: resonancekit_h5t_native_int64()) { buffer in
            values.withUnsafeBytes { buffer($0.baseAddress) }
        }
    }

    func writeDataset(_ path: String, shape: [Int], count: Int, fileType: hid_t, memoryType: hid_t,
                      bytes: ((UnsafeRawPointer?) -> herr_t) -> herr_t) throws {
        precondition(shape.reduce(1, *) == count, "dataset shape does not match its values")
        var dims = shape.map { hsize_t($0) }
        let space = H5Screate_simple(Int32(dims.count), &dims, nil)
        guard space >= 0 else { throw failure("create dataspace", path) }
        defer { H5Sclose(space) }
        let list = try linkCreation()
        defer { H5Pclose(list) }
        let dataset = H5Dcreate2(id, path, fileType, space, list, resonancekit_h5p_default(), resonancekit_h5p_default())
        guard dataset >= 0 else { throw failure("create dataset", path) }
        defer { H5Dclose(dataset) }
        guard count > 0 else { return }
        let status = bytes { pointer in
            H5Dwrite(dataset, memoryType, resonancekit_h5s_all(), resonancekit_h5s_all(), resonancekit_h5p_default(), pointer)
        }
        guard status >= 0 else { throw failure("write dataset", path) }
    }

    /// Sets a scalar attribute on the group or dataset at `path` ("/" for the file).
    public func setAttribute(_ name: String, _ value: HDF5Attribute, on path: String = "/") throws {
        let object = H5Oopen(id, path, resonancekit_h5p_default())
        guard object >= 0 else { throw failure("open object", path) }
        defer { H5Oclose(object) }
        if H5Aexists(object, name) > 0 { H5Adelete(object, name) }
        let space = H5Screate(H5S_SCALAR)
        guard space >= 0 else { throw failure("create dataspace", path) }
        defer { H5Sclose(space) }
        func put(_ fileType: hid_t, _ memoryType: hid_t, _ pointer: UnsafeRawPointer) throws {
            let attribute = H5Acreate2(object, name, fileType, space, resonancekit_h5p_default(), resonancekit_h5p_default())
            guard attribute >= 0 else { throw failure("create attribute \(name)", path) }
            defer { H5Aclose(attribute) }
            guard H5Awrite(attribute, memoryType, pointer) >= 0 else { throw failure("write attribute \(name)", path) }
        }
        switch value {
        case .double(var x): try put(resonancekit_h5t_ieee_f64le(), resonancekit_h5t_native_double(), &x)
        case .integer(var x): try put(resonancekit_h5t_std_i64le(), resonancekit_h5t_native_int64(), &x)
        case .unsigned(var x): try put(resonancekit_h5t_std_u64le(), resonancekit_h5t_native_uint64(), &x)
        case .string(let s):
            let type = H5Tcopy(resonancekit_h5t_c_s1())
            guard type >= 0 else { throw failure("string type", path) }
            defer { H5Tclose(type) }
            var bytes = Array(s.utf8) + [0]
            guard H5Tset_size(type, bytes.count) >= 0, H5Tset_strpad(type, H5T_STR_NULLTERM) >= 0,
                  H5Tset_cset(type, H5T_CSET_UTF8) >= 0 else { throw failure("string type", path) }
            try bytes.withUnsafeMutableBytes { try put(type, type, $0.baseAddress!) }
        }
    }

    /// Reads a whole dataset of doubles (any shape, row-major).
    public func readDoubles(_ path: String) throws -> [Double] {
        try readDataset(path, memoryType: resonancekit_h5t_native_double(), zero: 0.0)
    }

    /// Reads a whole dataset of 64-bit integers.
    public func readIntegers(_ path: String) throws -> [Int64] {
        try readDataset(path, memoryType: resonancekit_h5t_native_int64(), zero: Int64(0))
    }

    func readDataset<T>(_ path: String, memoryType: hid_t, zero: T) throws -> [T] {
        let dataset = H5Dopen2(id, path, resonancekit_h5p_default())
        guard dataset >= 0 else { throw failure("open dataset", path) }
        defer { H5Dclose(dataset) }
        let space = H5Dget_space(dataset)
        guard space >= 0 else { throw failure("dataspace", path) }
        defer { H5Sclose(space) }
        let count = Int(H5Sget_simple_extent_npoints(space))
        guard count >= 0 else { throw failure("dataspace", path) }
        var values = [T](repeating: zero, count: count)
        guard count > 0 else { return values }
        let status = values.withUnsafeMutableBytes {
            H5Dread(dataset, memoryType, resonancekit_h5s_all(), resonancekit_h5s_all(), resonancekit_h5p_default(), $0.baseAddress)
        }
        guard status >= 0 else { throw failure("read dataset", path) }
        return values
    }

    /// The names of a group's members, in HDF5's name order.
    public func members(of path: String) throws -> [String] {
        let group = H5Gopen2(id, path, resonancekit_h5p_default())
        guard group >= 0 else { throw failure("open group", path) }
        defer { H5Gclose(group) }
        var info = H5G_info_t()
        guard H5Gget_info(group, &info) >= 0 else { throw failure("group info", path) }
        return try (0..<info.nlinks).map { index in
            let length = H5Lget_name_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, index, nil, 0, resonancekit_h5p_default())
            guard length >= 0 else { throw failure("member name", path) }
            var buffer = [CChar](repeating: 0, count: Int(length) + 1)
            _ = H5Lget_name_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, index, &buffer, buffer.count, resonancekit_h5p_default())
            return String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }
}
