package sdrs

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// creatingAPI is an SDRS endpoint whose group creation never ends: the
// create answers job j1, which stays RUNNING and names group g1, which
// stays "creating"; groups can be read while readable is true.
func creatingAPI(t *testing.T, readable *bool) *Client {
	t.Helper()
	return fakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.Method == http.MethodPost:
			writeJSON(w, http.StatusOK, map[string]string{"job_id": "j1"})
		case strings.HasSuffix(r.URL.Path, "/jobs/j1"):
			writeJSON(w, http.StatusOK, map[string]any{"job_id": "j1", "status": "RUNNING", "entities": map[string]string{"server_group_id": "g1"}})
		case strings.HasSuffix(r.URL.Path, "/server-groups/g1") && *readable:
			writeJSON(w, http.StatusOK, map[string]any{"server_group": map[string]any{"id": "g1", "name": "g", "status": "creating",
				"source_availability_zone": "az1", "target_availability_zone": "az2", "domain_id": "d", "source_vpc_id": "v", "dr_type": "migration",
				"priority_station": "source", "created_at": "2026-01-02 03:04:05.000"}})
		default:
			writeJSON(w, http.StatusBadRequest, map[string]any{"error": map[string]string{"code": "SDRS.0201", "message": "unreadable"}})
		}
	})
}

// createRequest is the plan of a new protection group, its computed
// attributes unknown as Terraform sends them.
func createRequest(t *testing.T) (resource.CreateRequest, *resource.CreateResponse) {
	t.Helper()
	ctx := context.Background()
	var sr resource.SchemaResponse
	(&protectionGroupResource{}).Schema(ctx, resource.SchemaRequest{}, &sr)
	plan := tfsdk.Plan{Schema: sr.Schema, Raw: tftypes.NewValue(sr.Schema.Type().TerraformType(ctx), nil)}
	m := protectionGroupResourceModel{Name: types.StringValue("g"), Description: types.StringNull(), SourceAvailabilityZone: types.StringValue("az1"),
		TargetAvailabilityZone: types.StringValue("az2"), DomainID: types.StringValue("d"), SourceVPCID: types.StringValue("v"),
		DRType: types.StringValue("migration"), Enabled: types.BoolValue(false), PriorityStation: types.StringUnknown()}
	for _, s := range []*types.String{&m.ID, &m.Status, &m.ProtectedStatus, &m.ReplicationStatus, &m.HealthStatus, &m.TargetVPCID, &m.DomainName,
		&m.ServerType, &m.ProtectionType, &m.CreatedAt, &m.UpdatedAt} {
		*s = types.StringUnknown()
	}
	for _, n := range []*types.Int64{&m.Progress, &m.ProtectedInstanceNum, &m.ReplicationNum, &m.DisasterRecoveryDrillNum} {
		*n = types.Int64Unknown()
	}
	m.Timeouts = timeouts.Value{Object: types.ObjectNull(map[string]attr.Type{"create": types.StringType, "update": types.StringType, "delete": types.StringType})}
	if d := plan.Set(ctx, &m); d.HasError() {
		t.Fatal(d)
	}
	resp := &resource.CreateResponse{State: tfsdk.State{Schema: sr.Schema, Raw: tftypes.NewValue(sr.Schema.Type().TerraformType(ctx), nil)}}
	return resource.CreateRequest{Plan: plan}, resp
}

// A create interrupted while it waits (Ctrl-C cancels the provider's
// context) is a warning that says "interrupted", not an error, so that
// Terraform keeps the group untainted; the state is wholly known, with the
// group's real status, also when the group cannot be read back.
func TestInterruptedCreateWarnsAndStoresTheStatus(t *testing.T) {
	for _, readable := range []bool{true, false} {
		c := creatingAPI(t, &readable)
		r := &protectionGroupResource{client: c}
		req, resp := createRequest(t)
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(300*time.Millisecond, cancel)
		r.Create(ctx, req, resp)
		if resp.Diagnostics.HasError() || resp.Diagnostics.WarningsCount() != 1 ||
			!strings.Contains(resp.Diagnostics[0].Summary(), "Interrupted while creating") || strings.Contains(resp.Diagnostics[0].Detail(), "timeout") {
			t.Fatalf("readable %v: diagnostics %v", readable, resp.Diagnostics)
		}
		if !resp.State.Raw.IsFullyKnown() {
			t.Fatalf("readable %v: the state has unknown values: %v", readable, resp.State.Raw)
		}
		var m protectionGroupResourceModel
		if d := resp.State.Get(context.Background(), &m); d.HasError() {
			t.Fatal(d)
		}
		if m.ID.ValueString() != "g1" || m.Status.ValueString() != statusCreating {
			t.Fatalf("readable %v: state id %s, status %s; want g1, creating", readable, m.ID, m.Status)
		}
		if readable && m.CreatedAt.ValueString() != "2026-01-02 03:04:05.000" {
			t.Errorf("the group was not read back: %+v", m)
		}
	}
}
