// The window solver's declarations are in CSparseWindowAPI (sparse_window_api.h).
