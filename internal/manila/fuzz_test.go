package manila

import (
	"context"
	"encoding/json"
	"testing"
	"time"

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

func FuzzShareFromAPI(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		var in struct {
			Share   Share            `json:"share"`
			Exports []ExportLocation `json:"export_locations"`
			Replica *string          `json:"primary_replica_id"`
		}
		if json.Unmarshal(data, &in) != nil {
			return
		}
		m := shareModel{Timeouts: nullTimeouts(), Metadata: types.MapNull(types.StringType), RevertToSnapshotID: types.StringNull()}
		m.fromAPI(&in.Share, in.Exports, in.Replica)
		setState(t, resourceSchemaState(NewShareResource()), &m)

		var item shareDataModel
		item.fromAPI(&in.Share, in.Exports)
		setState(t, dataSourceSchemaState(NewShareDataSource()), &item)
		list := sharesDataModel{Name: types.StringNull(), Status: types.StringNull(), ShareGroupID: types.StringNull(),
			ConsistencyGroupID: types.StringNull(), SnapshotID: types.StringNull(), ShareNetworkID: types.StringNull(),
			Metadata: types.MapNull(types.StringType), IDs: stringList([]string{item.ID.ValueString()}),
			Shares: types.ListValueMust(types.ObjectType{AttrTypes: shareDataAttrTypes}, []attr.Value{item.object()})}
		setState(t, dataSourceSchemaState(NewSharesDataSource()), &list)
	})
}

func FuzzShareSnapshotFromAPI(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		var s ShareSnapshot
		if json.Unmarshal(data, &s) != nil {
			return
		}
		m := shareSnapshotModel{Timeouts: nullTimeouts()}
		m.fromAPI(&s)
		setState(t, resourceSchemaState(NewShareSnapshotResource()), &m)
	})
}

func FuzzShareGroupFromAPI(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		var g ShareGroup
		if json.Unmarshal(data, &g) != nil {
			return
		}
		m := shareGroupModel{Timeouts: nullTimeouts()}
		m.fromAPI(&g)
		setState(t, resourceSchemaState(NewShareGroupResource()), &m)

		var item shareGroupDataModel
		item.fromAPI(&g)
		setState(t, dataSourceSchemaState(NewShareGroupDataSource()), &item)
		list := shareGroupsDataModel{Name: types.StringNull(), Status: types.StringNull()}
		list.fromAPI([]ShareGroup{g, g})
		setState(t, dataSourceSchemaState(NewShareGroupsDataSource()), &list)
	})
}

func FuzzShareGroupSnapshotFromAPI(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		var s ShareGroupSnapshot
		if json.Unmarshal(data, &s) != nil {
			return
		}
		m := shareGroupSnapshotModel{Timeouts: nullTimeouts()}
		m.fromAPI(&s)
		setState(t, resourceSchemaState(NewShareGroupSnapshotResource()), &m)
	})
}

func FuzzShareGroupTypeFromAPI(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		var gt ShareGroupType
		if json.Unmarshal(data, &gt) != nil {
			return
		}
		var m shareGroupTypeModel
		m.fromAPI(&gt, gt.IsDefault != nil && *gt.IsDefault)
		setState(t, dataSourceSchemaState(NewShareGroupTypeDataSource()), &m)
	})
}

func FuzzShareReplicaFromAPI(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		var in struct {
			Replica ShareReplica     `json:"share_replica"`
			Exports []ExportLocation `json:"export_locations"`
		}
		if json.Unmarshal(data, &in) != nil {
			return
		}
		for _, active := range []types.Bool{types.BoolNull(), types.BoolValue(true), types.BoolValue(false)} {
			m := shareReplicaModel{Timeouts: nullTimeouts(), Active: active, ResyncWhenOutOfSync: types.BoolNull()}
			m.fromAPI(&in.Replica, in.Exports)
			setState(t, resourceSchemaState(NewShareReplicaResource()), &m)
		}
		list := shareReplicasDataModel{ShareID: types.StringValue(in.Replica.ShareID), IDs: []string{in.Replica.ID},
			Replicas: []shareReplicaItem{shareReplicaItemFromAPI(&in.Replica, time.Now())}}
		setState(t, dataSourceSchemaState(NewShareReplicasDataSource()), &list)
	})
}
