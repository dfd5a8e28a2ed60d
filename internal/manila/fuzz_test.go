package manila

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// The fuzz targets of the API-to-state conversions: any JSON that decodes
// into an API type converts without panicking into a model that the
// schema of its resource or data source accepts. Their seeds (answers of
// the api-ref and of the sandbox, and odd ones) are in testdata/fuzz.

// resourceSchemaState returns an empty state of the resource's schema.
func resourceSchemaState(r resource.Resource) tfsdk.State {
	var resp resource.SchemaResponse
	r.Schema(context.Background(), resource.SchemaRequest{}, &resp)
	return tfsdk.State{Schema: resp.Schema, Raw: tftypes.NewValue(resp.Schema.Type().TerraformType(context.Background()), nil)}
}

// dataSourceSchemaState returns an empty state of the data source's schema.
func dataSourceSchemaState(d datasource.DataSource) tfsdk.State {
	var resp datasource.SchemaResponse
	d.Schema(context.Background(), datasource.SchemaRequest{}, &resp)
	return tfsdk.State{Schema: resp.Schema, Raw: tftypes.NewValue(resp.Schema.Type().TerraformType(context.Background()), nil)}
}

// setState sets the model into state and fails on any error.
func setState(t *testing.T, state tfsdk.State, model any) {
	t.Helper()
	if diags := state.Set(context.Background(), model); diags.HasError() {
		t.Fatalf("the schema refuses the model %+v: %v", model, diags)
	}
}

// nullTimeouts is the timeouts block of a configuration without one.
func nullTimeouts() timeouts.Value {
	return timeouts.Value{Object: types.ObjectNull(map[string]attr.Type{
		"create": types.StringType, "update": types.StringType, "delete": types.StringType,
	})}
}

func FuzzParseVersion(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseVersion(s)
		if err != nil {
			return
		}
		if v.Major < 0 || v.Minor < 0 {
			t.Fatalf("ParseVersion(%q) = %v", s, v)
		}
		if again, err := ParseVersion(v.String()); err != nil || again != v {
			t.Fatalf("ParseVersion(%q) = %v, which reads back as %v, %v", s, v, again, err)
		}
	})
}

// FuzzNegotiate checks that whatever range a version document claims, the
// negotiated microversion is within the range and within the provider's.
func FuzzNegotiate(f *testing.F) {
	f.Fuzz(func(t *testing.T, lo, hi string) {
		v, err := Negotiate(lo, hi)
		if err != nil {
			return
		}
		low, _ := ParseVersion(lo)
		high, _ := ParseVersion(hi)
		if v.Less(OldestMicroversion) || NewestMicroversion.Less(v) || v.Less(low) || high.Less(v) {
			t.Fatalf("Negotiate(%q, %q) = %v", lo, hi, v)
		}
	})
}

func FuzzConsistencyGroupFromAPI(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		var cg ConsistencyGroup
		if json.Unmarshal(data, &cg) != nil {
			return
		}
		m := consistencyGroupModel{Timeouts: nullTimeouts()}
		m.fromAPI(&cg)
		setState(t, resourceSchemaState(NewConsistencyGroupResource()), &m)

		var item consistencyGroupDataModel
		item.fromAPI(&cg)
		setState(t, dataSourceSchemaState(NewConsistencyGroupDataSource()), &item)
		list := consistencyGroupsDataModel{Name: types.StringNull(), Status: types.StringNull()}
		list.fromAPI([]ConsistencyGroup{cg, cg})
		setState(t, dataSourceSchemaState(NewConsistencyGroupsDataSource()), &list)
	})
}

func FuzzCGSnapshotFromAPI(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		var in struct {
			Snapshot CGSnapshot         `json:"cgsnapshot"`
			Members  []CGSnapshotMember `json:"cgsnapshot_members"`
		}
		if json.Unmarshal(data, &in) != nil {
			return
		}
		m := consistencyGroupSnapshotModel{Timeouts: nullTimeouts()}
		m.fromAPI(&in.Snapshot, in.Members)
		setState(t, resourceSchemaState(NewConsistencyGroupSnapshotResource()), &m)
	})
}

func FuzzShareTypeFromAPI(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		var st ShareType
		if json.Unmarshal(data, &st) != nil {
			return
		}
		m := shareTypeModel{Name: types.StringValue(st.Name), IsDefault: types.BoolValue(false)}
		if diags := m.fromAPI(context.Background(), &st); diags.HasError() {
			t.Fatalf("fromAPI(%+v): %v", st, diags)
		}
		setState(t, dataSourceSchemaState(NewShareTypeDataSource()), &m)
	})
}

func FuzzShareNetworkFromAPI(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		var n ShareNetwork
		if json.Unmarshal(data, &n) != nil {
			return
		}
		var m shareNetworkModel
		m.fromAPI(&n)
		setState(t, dataSourceSchemaState(NewShareNetworkDataSource()), &m)
	})
}
