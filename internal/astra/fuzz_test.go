package astra

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Fuzz targets of the API-to-state conversions: whatever JSON an API
// answers, decoding it into the API's type and converting that into the
// Terraform model must not panic (an unexpected answer is an error, never
// a crash of the provider). Their seed corpora are in testdata/fuzz; make
// test runs the seeds, make fuzz explores.

func FuzzHookSourceFromAPI(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		var h HookSource
		if json.Unmarshal(data, &h) != nil {
			return
		}
		var m hookSourceResourceModel
		m.Source, m.Content = types.StringUnknown(), types.StringUnknown() // as in Create
		m.fromAPI(&h)
		m.fromAPI(&h) // as in Read, with known values
		var d hookSourceDataModel
		d.fromAPI(&h)
		if h.Source != nil && m.Source.ValueString() != *h.Source {
			t.Errorf("source %q, the API's %q", m.Source.ValueString(), *h.Source)
		}
	})
}

func FuzzExecutionHookFromAPI(f *testing.F) {
	f.Fuzz(func(_ *testing.T, data []byte) {
		var h ExecutionHook
		if json.Unmarshal(data, &h) != nil {
			return
		}
		var m executionHookResourceModel
		var diags diag.Diagnostics
		m.fromAPI(context.Background(), &h, &diags)
	})
}

func FuzzAppScheduleFromAPI(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		var s Schedule
		if json.Unmarshal(data, &s) != nil {
			return
		}
		var m appScheduleResourceModel
		var diags diag.Diagnostics
		m.fromAPI("6f519a48-3183-46cf-a32f-41815f813986", &s, &diags)
		for _, d := range diags {
			if !strings.Contains(d.Detail(), "not a number") {
				t.Errorf("unexpected diagnostic %s: %s", d.Summary(), d.Detail())
			}
		}
	})
}

func FuzzAppMirrorFromAPI(f *testing.F) {
	f.Fuzz(func(_ *testing.T, data []byte) {
		var live AppMirror
		if json.Unmarshal(data, &live) != nil {
			return
		}
		var diags diag.Diagnostics
		for _, reversed := range []bool{false, true} {
			// After a create (mappings unknown) and in Read (known or null).
			m := appMirrorResourceModel{NamespaceMapping: types.ListUnknown(namespaceMappingType), StorageClasses: types.ListUnknown(storageClassPickType)}
			m.fromAPI(&live, reversed, &diags)
			m.fromAPI(&live, m.isReversed(&live), &diags)
			direction(m, &live, &diags)
		}
		var d appMirrorDataModel
		d.fromAPI(&live, &diags)
		_ = waitStateOf(&live)
		_ = live.Message()
	})
}

func FuzzAppFromAPI(f *testing.F) {
	f.Fuzz(func(_ *testing.T, data []byte) {
		var a App
		if json.Unmarshal(data, &a) != nil {
			return
		}
		var m appModel
		m.fromAPI(&a)
	})
}

func FuzzManagedClusterFromAPI(f *testing.F) {
	f.Fuzz(func(_ *testing.T, data []byte) {
		var c ManagedCluster
		if json.Unmarshal(data, &c) != nil {
			return
		}
		var m managedClusterModel
		m.fromAPI(&c)
	})
}

// The storage classes of a cluster: the collection's items.
func FuzzStorageClassFromAPI(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		var list []StorageClass
		if json.Unmarshal(data, &list) != nil {
			return
		}
		var m storageClassesModel
		m.fromAPI(list)
		if len(m.Names) != len(list) || len(m.StorageClasses) != len(list) {
			t.Errorf("%d storage classes became %d names and %d objects", len(list), len(m.Names), len(m.StorageClasses))
		}
	})
}

// A package, or the rows of a listing with include (an array of arrays).
func FuzzPackageFromAPI(f *testing.F) {
	f.Fuzz(func(_ *testing.T, data []byte) {
		ctx := context.Background()
		var diags diag.Diagnostics
		var p Package
		if json.Unmarshal(data, &p) == nil {
			var m packagesDataModel
			m.fromAPI(ctx, &PackageList{Packages: []Package{p}}, false, &diags)
		}
		var rows [][]json.RawMessage
		if json.Unmarshal(data, &rows) == nil {
			var m packagesDataModel
			m.fromAPI(ctx, &PackageList{Rows: rows}, true, &diags)
		}
	})
}

// The filters the provider builds (a name looked up through the API's
// filter) are always ones the API's syntax accepts, as the provider's own
// plan-time pattern reads it, and say exactly name eq 'value'.
func FuzzFilterQuery(f *testing.F) {
	f.Fuzz(func(t *testing.T, value string) {
		q := filterQuery([]filterClause{{"name", value}})
		filters := q["filter"]
		switch {
		case len(filters) == 0:
			return // left to the client side
		case len(filters) > 1:
			t.Fatalf("one clause became %d filters: %q", len(filters), filters)
		}
		if !queryFilterPattern.MatchString(filters[0]) {
			t.Errorf("filter %q does not match the API's filter syntax", filters[0])
		}
		if filters[0] != "name eq '"+value+"'" {
			t.Errorf("filter %q does not say name eq %q", filters[0], value)
		}
	})
}

// An app as the resource reads it: after a create (the attributes the
// configuration leaves to the server unknown), after an import (all null)
// and in a Read (known).
func FuzzAppResourceFromAPI(f *testing.F) {
	f.Fuzz(func(_ *testing.T, data []byte) {
		var a App
		if json.Unmarshal(data, &a) != nil {
			return
		}
		var diags diag.Diagnostics
		created := appResourceModel{
			Name: types.StringValue("x"), SnapshotID: types.StringUnknown(), BackupID: types.StringUnknown(), SourceAppID: types.StringUnknown(),
			NamespaceMapping: types.ListUnknown(namespacePairType), StorageClassMapping: types.ListUnknown(namespacePairType),
			RestoreFilter: types.ObjectUnknown(restoreFilterType.AttrTypes), InPlaceRestore: types.ObjectNull(inPlaceRestoreType.AttrTypes),
		}
		created.fromAPI(&a, &diags)
		created.fromAPI(&a, &diags)
		var imported appResourceModel
		imported.fromAPI(&a, &diags)
		_ = a.Message()
	})
}

func FuzzCloudCredentialFromAPI(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		var c Credential
		if json.Unmarshal(data, &c) != nil {
			return
		}
		m := cloudCredentialModel{KeyStoreVersion: types.Int64Unknown()}
		m.fromAPI(&c)
		if !m.KeyStore.IsNull() {
			t.Error("the key store is read from an answer")
		}
	})
}

func FuzzBucketFromAPI(f *testing.F) {
	f.Fuzz(func(_ *testing.T, data []byte) {
		var b Bucket
		if json.Unmarshal(data, &b) != nil {
			return
		}
		var m bucketModel
		m.fromAPI(&b)
		_ = b.Message()
	})
}

func FuzzSnapshotFromAPI(f *testing.F) {
	f.Fuzz(func(_ *testing.T, data []byte) {
		var s Snapshot
		if json.Unmarshal(data, &s) != nil {
			return
		}
		m := snapshotModel{BucketID: types.StringUnknown()}
		m.fromAPI("6f519a48-3183-46cf-a32f-41815f813986", &s)
		_ = snapshotItem(&s, time.Now())
		_ = s.Message()
	})
}

func FuzzBackupFromAPI(f *testing.F) {
	f.Fuzz(func(_ *testing.T, data []byte) {
		var b Backup
		if json.Unmarshal(data, &b) != nil {
			return
		}
		m := backupModel{SnapshotID: types.StringUnknown()}
		m.fromAPI("6f519a48-3183-46cf-a32f-41815f813986", &b)
		_ = backupItem(&b, time.Now())
		_ = b.Message()
	})
}
