package manila

import (
	"net/http"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/backend"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/faults"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/notice"
)

// hooked is a fixture whose fault injector starts with spec, and whose
// notice recorder the test reads.
func hooked(t *testing.T, spec faults.Spec) (*fixture, *faults.Injector, *notice.Recorder) {
	t.Helper()
	inj, rec := faults.New(spec), notice.New()
	return newFixture(t, Options{Hooks: backend.Hooks{Faults: inj, Notice: rec}}), inj, rec
}

// adminAction posts an admin action on a group or snapshot at 2.22.
func (f *fixture) adminAction(collection, id, body string) {
	f.t.Helper()
	expect(f.t, f.send(request{method: http.MethodPost, path: "/v2/" + AdminProjectID + "/" + collection + "/" + id + "/action",
		token: f.admin, version: "2.22", experimental: true, body: body}), http.StatusAccepted, "")
}

// snapshotStatus reads the status of a cgsnapshot (or "gone").
func (f *fixture) snapshotStatus(id string) string {
	f.t.Helper()
	res := f.manila(http.MethodGet, "/cgsnapshots/"+id, f.user, "")
	if res.status == http.StatusNotFound {
		return "gone"
	}
	return obj(f.t, res, "cgsnapshot")["status"].(string)
}

// A stalled operation keeps its object in the transitional status however
// long it is due; once the stall is lifted, the next read completes it.
func TestStallHoldsEveryOperationUntilLifted(t *testing.T) {
	f, inj, _ := hooked(t, faults.Spec{Stall: []string{"manila.consistency_group.create"}})
	cg := f.createCG(f.user, goldCG("held"))
	f.clock.advance(10 * step)
	if got := f.cgStatus(f.user, cg); got != "creating" {
		t.Fatalf("stalled create: %s, want creating", got)
	}
	inj.Set(faults.Spec{})
	res := f.manila(http.MethodGet, "/consistency-groups/"+cg, f.user, "")
	if got := obj(t, res, "consistency_group"); got["status"] != "available" || got["host"] != hostNoDHSS ||
		got["created_at"] != dbTime(f.clock.Now()) {
		t.Fatalf("after the stall: %s", res.raw)
	}

	inj.Set(faults.Spec{Stall: []string{"manila.consistency_group_snapshot.create"}})
	snap := obj(t, f.manila(http.MethodPost, "/cgsnapshots", f.user, `{"cgsnapshot": {"consistency_group_id": "`+cg+`"}}`), "cgsnapshot")["id"].(string)
	f.clock.advance(step)
	if got := f.snapshotStatus(snap); got != "creating" {
		t.Fatalf("stalled snapshot create: %s", got)
	}
	inj.Set(faults.Spec{Stall: []string{"manila.consistency_group_snapshot.delete"}})
	if got := f.snapshotStatus(snap); got != "available" {
		t.Fatalf("snapshot after its stall: %s", got)
	}
	expect(t, f.manila(http.MethodDelete, "/cgsnapshots/"+snap, f.user, ""), http.StatusAccepted, "")
	f.clock.advance(step)
	if got := f.snapshotStatus(snap); got != "deleting" {
		t.Fatalf("stalled snapshot delete: %s", got)
	}
	// The stall of one operation does not hold another.
	inj.Set(faults.Spec{Stall: []string{"manila.consistency_group.delete"}})
	if got := f.snapshotStatus(snap); got != "gone" {
		t.Fatalf("snapshot delete after its stall: %s", got)
	}
	expect(t, f.manila(http.MethodDelete, "/consistency-groups/"+cg, f.user, ""), http.StatusAccepted, "")
	f.clock.advance(step)
	if got := f.cgStatus(f.user, cg); got != "deleting" {
		t.Fatalf("stalled delete: %s", got)
	}
	expect(t, f.manila(http.MethodDelete, "/consistency-groups/"+cg, f.user, ""), http.StatusConflict,
		`{"conflictingRequest": {"code": 409, "message": "Invalid ConsistencyGroup: Consistency group status must be one of ('available', 'error')"}}`)
	inj.Set(faults.Spec{})
	if got := f.cgStatus(f.user, cg); got != "gone" {
		t.Fatalf("delete after its stall: %s", got)
	}
	if n := inj.Counts()[faults.KindStall]; n == 0 {
		t.Error("no stall counted")
	}
}

// The admin actions act at once, unless stalled: force_delete then keeps
// the object deleting, reset_status its old status.
func TestStallHoldsTheAdminActions(t *testing.T) {
	f, inj, _ := hooked(t, faults.Spec{})
	cg := f.createCG(f.user, goldCG("admin"))
	f.clock.advance(step)

	inj.Set(faults.Spec{Stall: []string{"manila.consistency_group.reset_status"}})
	f.adminAction("consistency-groups", cg, `{"reset_status": {"status": "error"}}`)
	if got := f.cgStatus(f.user, cg); got != "available" {
		t.Fatalf("stalled reset: %s, want the old status", got)
	}
	inj.Set(faults.Spec{Stall: []string{"manila.consistency_group.force_delete"}})
	if got := f.cgStatus(f.user, cg); got != "error" {
		t.Fatalf("reset after its stall: %s", got)
	}
	f.adminAction("consistency-groups", cg, `{"force_delete": null}`)
	if got := f.cgStatus(f.user, cg); got != "deleting" {
		t.Fatalf("stalled force delete: %s", got)
	}
	inj.Set(faults.Spec{})
	if got := f.cgStatus(f.user, cg); got != "gone" {
		t.Fatalf("force delete after its stall: %s", got)
	}

	cg = f.createCG(f.user, goldCG("snapped"))
	f.clock.advance(step)
	snap := obj(t, f.manila(http.MethodPost, "/cgsnapshots", f.user, `{"cgsnapshot": {"consistency_group_id": "`+cg+`"}}`), "cgsnapshot")["id"].(string)
	inj.Set(faults.Spec{Stall: []string{"manila.consistency_group_snapshot.force_delete"}})
	f.adminAction("cgsnapshots", snap, `{"force_delete": null}`)
	if got := f.snapshotStatus(snap); got != "deleting" {
		t.Fatalf("stalled snapshot force delete: %s", got)
	}
	inj.Set(faults.Spec{})
	if got := f.snapshotStatus(snap); got != "gone" {
		t.Fatalf("snapshot force delete after its stall: %s", got)
	}
}

// A failed operation ends in error, as a name with FailurePrefix does.
func TestFailEndsEveryOperationInError(t *testing.T) {
	f, inj, _ := hooked(t, faults.Spec{Fail: []string{"manila.consistency_group.create"}})
	broken := f.createCG(f.user, goldCG("broken"))
	inj.Set(faults.Spec{})
	cg := f.createCG(f.user, goldCG("fine"))
	f.clock.advance(step)
	if a, b := f.cgStatus(f.user, broken), f.cgStatus(f.user, cg); a != "error" || b != "available" {
		t.Fatalf("failed create %s, other create %s", a, b)
	}

	inj.Set(faults.Spec{Fail: []string{"manila.consistency_group_snapshot.create"}})
	snap := obj(t, f.manila(http.MethodPost, "/cgsnapshots", f.user, `{"cgsnapshot": {"consistency_group_id": "`+cg+`"}}`), "cgsnapshot")["id"].(string)
	f.clock.advance(step)
	if got := f.snapshotStatus(snap); got != "error" {
		t.Fatalf("failed snapshot create: %s", got)
	}
	inj.Set(faults.Spec{Fail: []string{"manila.consistency_group_snapshot.delete"}})
	expect(t, f.manila(http.MethodDelete, "/cgsnapshots/"+snap, f.user, ""), http.StatusAccepted, "")
	f.clock.advance(step)
	if got := f.snapshotStatus(snap); got != "error" {
		t.Fatalf("failed snapshot delete: %s", got)
	}
	inj.Set(faults.Spec{Fail: []string{"manila.consistency_group_snapshot.force_delete"}})
	f.adminAction("cgsnapshots", snap, `{"force_delete": null}`)
	if got := f.snapshotStatus(snap); got != "error" {
		t.Fatalf("failed snapshot force delete: %s", got)
	}
	inj.Set(faults.Spec{})
	f.adminAction("cgsnapshots", snap, `{"force_delete": null}`)

	inj.Set(faults.Spec{Fail: []string{"manila.consistency_group.delete"}})
	expect(t, f.manila(http.MethodDelete, "/consistency-groups/"+cg, f.user, ""), http.StatusAccepted, "")
	f.clock.advance(step)
	if got := f.cgStatus(f.user, cg); got != "error" {
		t.Fatalf("failed delete: %s", got)
	}
	inj.Set(faults.Spec{Fail: []string{"manila.consistency_group.reset_status"}})
	f.adminAction("consistency-groups", cg, `{"reset_status": {"status": "available"}}`)
	if got := f.cgStatus(f.user, cg); got != "error" {
		t.Fatalf("failed reset: %s", got)
	}
	inj.Set(faults.Spec{Fail: []string{"manila.consistency_group.force_delete"}})
	f.adminAction("consistency-groups", cg, `{"force_delete": null}`)
	if got := f.cgStatus(f.user, cg); got != "error" {
		t.Fatalf("failed force delete: %s", got)
	}
	if n := inj.Counts()[faults.KindFail]; n != 7 {
		t.Errorf("fails counted %d, want 7", n)
	}
}

// Reads that return an object whose transition ended tell the recorder,
// once per transition, under the operation's name; reads of an object
// still in transition, and summary lists, do not.
func TestReadsNoticeTheEndOfTransitions(t *testing.T) {
	f, _, rec := hooked(t, faults.Spec{})
	cg := f.createCG(f.user, goldCG("noticed"))
	f.cgStatus(f.user, cg) // still creating
	f.manila(http.MethodGet, "/consistency-groups", f.user, "")
	if got := rec.Snapshot(); len(got) != 0 {
		t.Fatalf("noticed before the end: %v", got)
	}
	f.clock.advance(step)
	f.cgStatus(f.user, cg)
	f.manila(http.MethodGet, "/consistency-groups/detail", f.user, "")
	snap := obj(t, f.manila(http.MethodPost, "/cgsnapshots", f.user, `{"cgsnapshot": {"consistency_group_id": "`+cg+`"}}`), "cgsnapshot")["id"].(string)
	f.clock.advance(step)
	f.manila(http.MethodGet, "/cgsnapshots/detail", f.user, "")
	f.snapshotStatus(snap)
	f.adminAction("consistency-groups", cg, `{"reset_status": {"status": "error"}}`)
	f.cgStatus(f.user, cg)

	got := rec.Snapshot()
	for kind, want := range map[string]int{
		"manila.consistency_group.create": 1, "manila.consistency_group_snapshot.create": 1, "manila.consistency_group.reset_status": 1,
	} {
		if got[kind].Count != want {
			t.Errorf("%s noticed %d times, want %d (%v)", kind, got[kind].Count, want, got)
		}
	}
	if len(got) != 3 {
		t.Errorf("kinds noticed: %v", got)
	}
}

// The end of a deletion is noticed by the first read answered 404 (the row
// is gone), once: a later 404, or a 404 of an ID that never existed, is not.
func TestReadsNoticeTheEndOfDeletions(t *testing.T) {
	f, _, rec := hooked(t, faults.Spec{})
	cg := f.createCG(f.user, goldCG("deleted"))
	f.clock.advance(step)
	f.cgStatus(f.user, cg)
	expect(t, f.manila(http.MethodDelete, "/consistency-groups/"+cg, f.user, ""), http.StatusAccepted, "")
	expect(t, f.manila(http.MethodGet, "/consistency-groups/"+cg, f.user, ""), http.StatusOK, "")
	if got := rec.Snapshot(); got["manila.consistency_group.delete"].Count != 0 {
		t.Fatalf("noticed while deleting: %v", got)
	}
	f.clock.advance(step)
	for range 2 {
		expect(t, f.manila(http.MethodGet, "/consistency-groups/"+cg, f.user, ""), http.StatusNotFound, "")
	}
	expect(t, f.manila(http.MethodGet, "/consistency-groups/"+newID(), f.user, ""), http.StatusNotFound, "")
	got := rec.Snapshot()
	if got["manila.consistency_group.delete"].Count != 1 || len(got) != 2 {
		t.Fatalf("noticed: %v, want manila.consistency_group.delete once", got)
	}
}

// The inventory lists the groups and snapshots of every project with their
// status, the fixtures and what the emulator made itself as fixtures, and
// nothing once it is deleted.
func TestObjectsListWhatTheEmulatorHolds(t *testing.T) {
	f, _, _ := hooked(t, faults.Spec{})
	byKind := func() map[string][]backend.Object {
		out := map[string][]backend.Object{}
		for _, o := range f.api.Objects() {
			out[o.Kind] = append(out[o.Kind], o)
		}
		return out
	}
	held := byKind()
	if len(held) != 5 || len(held["manila.share_type"]) != 4 || len(held["manila.share_network"]) != 1 ||
		len(held["manila.share_group_type"]) != 2 || len(held["manila.availability_zone"]) != 2 || len(held["manila.security_service"]) != 1 ||
		!held["manila.share_type"][0].Fixture || !held["manila.share_network"][0].Fixture || held["manila.share_network"][0].Name != ShareNetworkName {
		t.Fatalf("fixtures %+v", held)
	}

	cg := f.createCG(f.user, goldCG("listed"))
	admins := f.createCG(f.admin, goldCG("the admin's"))
	held = byKind()
	if got := held["manila.consistency_group"]; len(got) != 2 || got[0] != (backend.Object{Kind: "manila.consistency_group", ID: cg, Name: "listed", Status: "creating"}) ||
		got[1].ID != admins {
		t.Fatalf("groups %+v", got)
	}
	f.clock.advance(step)
	res := f.manila(http.MethodPost, "/cgsnapshots", f.user, `{"cgsnapshot": {"consistency_group_id": "`+cg+`", "name": "snap"}}`)
	snap := obj(t, res, "cgsnapshot")["id"].(string)
	f.clock.advance(step)
	restored := f.createCG(f.user, `{"consistency_group": {"source_cgsnapshot_id": "`+snap+`"}}`)
	held = byKind()
	if got := held["manila.consistency_group_snapshot"]; len(got) != 1 ||
		got[0] != (backend.Object{Kind: "manila.consistency_group_snapshot", ID: snap, Name: "snap", Status: "available"}) {
		t.Fatalf("snapshots %+v", got)
	}
	if got := held["manila.consistency_group"]; len(got) != 3 || got[0].Status != "available" || got[2].ID != restored || got[2].Name != "" {
		t.Fatalf("groups %+v", got)
	}

	// A deletion that is due is applied before listing.
	expect(t, f.manila(http.MethodDelete, "/cgsnapshots/"+snap, f.user, ""), http.StatusAccepted, "")
	f.clock.advance(step)
	held = byKind()
	if len(held["manila.consistency_group_snapshot"]) != 0 {
		t.Fatalf("deleted snapshot still listed: %+v", held)
	}
}

// The shares of a restored group and the members of a snapshot are listed
// as fixtures: the emulator made them.
func TestObjectsListSharesAndMembersAsFixtures(t *testing.T) {
	f, _, _ := hooked(t, faults.Spec{})
	cg := f.createCG(f.user, goldCG("source"))
	f.clock.advance(step)
	snap := obj(t, f.manila(http.MethodPost, "/cgsnapshots", f.user, `{"cgsnapshot": {"consistency_group_id": "`+cg+`"}}`), "cgsnapshot")["id"].(string)
	f.clock.advance(step)
	// A group restored from a snapshot of no share has no share; give the
	// snapshot a member as a share of the source group would.
	f.api.db.members.Add(&cgsnapshotMember{id: "member-1", cgsnapshotID: snap, shareID: "share-0", shareTypeID: ShareTypeGoldID, shareProto: "NFS", size: 1})
	f.createCG(f.user, `{"consistency_group": {"source_cgsnapshot_id": "`+snap+`"}}`)
	var kinds []string
	for _, o := range f.api.Objects() {
		if o.Kind == "manila.share" || o.Kind == "manila.consistency_group_snapshot_member" {
			if !o.Fixture {
				t.Errorf("%+v is not a fixture", o)
			}
			kinds = append(kinds, o.Kind)
		}
	}
	if len(kinds) != 2 || kinds[0] != "manila.consistency_group_snapshot_member" || kinds[1] != "manila.share" {
		t.Fatalf("emulator-made objects: %v", kinds)
	}
}
