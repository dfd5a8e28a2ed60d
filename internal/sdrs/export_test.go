package sdrs

// Test hooks for the external tests of this package.

// SetListPageSize sets the page size of every list the provider reads. It
// is for TestMain, before any test runs.
func SetListPageSize(n int32) { listPageSize = n }
