package manila

import (
	"context"
	"net/http"
	"testing"

	"github.com/gophercloud/gophercloud/v2"
	"github.com/gophercloud/gophercloud/v2/openstack"
	"github.com/gophercloud/gophercloud/v2/openstack/sharedfilesystems/v2/availabilityzones"
	"github.com/gophercloud/gophercloud/v2/openstack/sharedfilesystems/v2/messages"
	"github.com/gophercloud/gophercloud/v2/openstack/sharedfilesystems/v2/replicas"
	"github.com/gophercloud/gophercloud/v2/openstack/sharedfilesystems/v2/securityservices"
	"github.com/gophercloud/gophercloud/v2/openstack/sharedfilesystems/v2/shareaccessrules"
	"github.com/gophercloud/gophercloud/v2/openstack/sharedfilesystems/v2/sharenetworks"
	"github.com/gophercloud/gophercloud/v2/openstack/sharedfilesystems/v2/shares"
	"github.com/gophercloud/gophercloud/v2/openstack/sharedfilesystems/v2/sharetypes"
	"github.com/gophercloud/gophercloud/v2/openstack/sharedfilesystems/v2/snapshots"
)

// gopherclouds returns gophercloud clients of the fixture's user and admin
// at microversion mv, with the experimental header.
func gopherclouds(t *testing.T, f *fixture, mv string) (user, admin *gophercloud.ServiceClient) {
	t.Helper()
	ctx := context.Background()
	client := func(name, password, project string) *gophercloud.ServiceClient {
		provider, err := openstack.AuthenticatedClient(ctx, gophercloud.AuthOptions{
			IdentityEndpoint: f.srv.URL + "/v3", Username: name, Password: password, DomainName: DomainName,
			Scope: &gophercloud.AuthScope{ProjectName: project, DomainName: DomainName},
		})
		if err != nil {
			t.Fatal(err)
		}
		sc, err := openstack.NewSharedFileSystemV2(provider, gophercloud.EndpointOpts{Region: RegionName})
		if err != nil {
			t.Fatal(err)
		}
		sc.Microversion = mv
		sc.MoreHeaders = map[string]string{headerExperimental: "True"}
		return sc
	}
	return client(UserName, UserPassword, ProjectName), client(AdminName, AdminPassword, AdminProjectName)
}

// must returns v, or fails the test (by a panic, which the test reports
// with the call's line) when err is set.
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// gophercloud's own packages drive the share routes of a modern server:
// shares, their actions, metadata, export locations and access rules;
// snapshots; share networks and security services; availability zones and
// messages; share types.
func TestGophercloudDrivesShares(t *testing.T) {
	f := newFixture(t, Options{Modern: true})
	user, admin := gopherclouds(t, f, "2.56")
	ctx := context.Background()

	s := must(shares.Create(ctx, user, shares.CreateOpts{ShareProto: "NFS", Size: 1, Name: "gopher", ShareType: ShareTypeGoldName,
		Metadata: map[string]string{"app": "db"}}).Extract())
	if s.Status != "creating" || s.ShareType != ShareTypeGoldID || s.ShareTypeName != ShareTypeGoldName || s.AvailabilityZone != AvailabilityZone ||
		s.Metadata["app"] != "db" || s.Host != "" || !s.SnapshotSupport || s.CreatedAt.IsZero() {
		t.Fatalf("created %+v", s)
	}
	f.clock.advance(step)
	got := must(shares.Get(ctx, user, s.ID).Extract())
	if got.Status != "available" || got.Size != 1 {
		t.Fatalf("got %+v", got)
	}
	if a := must(shares.Get(ctx, admin, s.ID).Extract()); a.Host != hostNoDHSS {
		t.Errorf("admin view host %q", a.Host)
	}
	pages := must(shares.ListDetail(user, shares.ListOpts{Name: "gopher", Metadata: map[string]string{"app": "db"}}).AllPages(ctx))
	if list := must(shares.ExtractShares(pages)); len(list) != 1 || list[0].ID != s.ID {
		t.Fatalf("list %+v", list)
	}
	pages = must(shares.ListDetail(user, shares.ListOpts{Metadata: map[string]string{"app": "web"}}).AllPages(ctx))
	if list := must(shares.ExtractShares(pages)); len(list) != 0 {
		t.Fatalf("metadata filter %+v", list)
	}
	name := "gopher-renamed"
	if u := must(shares.Update(ctx, user, s.ID, shares.UpdateOpts{DisplayName: &name}).Extract()); u.Name != name {
		t.Fatalf("update %+v", u)
	}
	// Metadata.
	md := must(shares.SetMetadata(ctx, user, s.ID, shares.SetMetadataOpts{Metadata: map[string]string{"tier": "1"}}).Extract())
	if md["tier"] != "1" || md["app"] != "db" {
		t.Fatalf("set metadata %v", md)
	}
	md = must(shares.UpdateMetadata(ctx, user, s.ID, shares.UpdateMetadataOpts{Metadata: map[string]string{"tier": "2"}}).Extract())
	if md["tier"] != "2" {
		t.Fatalf("update metadata %v", md)
	}
	if m := must(shares.GetMetadatum(ctx, user, s.ID, "tier").Extract()); m["tier"] != "2" {
		t.Fatalf("metadatum %v", m)
	}
	if err := shares.DeleteMetadatum(ctx, user, s.ID, "tier").ExtractErr(); err != nil {
		t.Fatal(err)
	}
	if md := must(shares.GetMetadata(ctx, user, s.ID).Extract()); len(md) != 1 {
		t.Fatalf("metadata %v", md)
	}
	// Export locations: the admin sees the admin-only one too.
	els := must(shares.ListExportLocations(ctx, user, s.ID).Extract())
	if len(els) != 1 || !els[0].Preferred || els[0].IsAdminOnly {
		t.Fatalf("export locations %+v", els)
	}
	if el := must(shares.GetExportLocation(ctx, user, s.ID, els[0].ID).Extract()); el.Path != els[0].Path {
		t.Fatalf("export location %+v", el)
	}
	if all := must(shares.ListExportLocations(ctx, admin, s.ID).Extract()); len(all) != 2 || !all[1].IsAdminOnly || all[1].ShareInstanceID == "" {
		t.Fatalf("admin export locations %+v", all)
	}
	// Extend, shrink.
	if err := shares.Extend(ctx, user, s.ID, shares.ExtendOpts{NewSize: 3}).ExtractErr(); err != nil {
		t.Fatal(err)
	}
	if got := must(shares.Get(ctx, user, s.ID).Extract()); got.Status != "extending" || got.Size != 1 {
		t.Fatalf("extending %+v", got)
	}
	f.clock.advance(step)
	if err := shares.Shrink(ctx, user, s.ID, shares.ShrinkOpts{NewSize: 2}).ExtractErr(); err != nil {
		t.Fatal(err)
	}
	f.clock.advance(step)
	if got := must(shares.Get(ctx, user, s.ID).Extract()); got.Status != "available" || got.Size != 2 {
		t.Fatalf("after extend and shrink %+v", got)
	}
	// Access rules: granted, listed, read at 2.45, revoked.
	rule := must(shares.GrantAccess(ctx, user, s.ID, shares.GrantAccessOpts{AccessType: "ip", AccessTo: "10.0.0.0/24", AccessLevel: "rw"}).Extract())
	if rule.State != "queued_to_apply" {
		t.Fatalf("granted %+v", rule)
	}
	f.clock.advance(step)
	// access_list is gone from 2.45: ask at 2.44.
	if _, err := shares.ListAccessRights(ctx, user, s.ID).Extract(); !gophercloud.ResponseCodeIs(err, http.StatusNotFound) {
		t.Fatalf("access_list at 2.56: %v", err)
	}
	user.Microversion = "2.44"
	rules := must(shares.ListAccessRights(ctx, user, s.ID).Extract())
	user.Microversion = "2.56"
	if len(rules) != 1 || rules[0].State != "active" || rules[0].AccessTo != "10.0.0.0/24" {
		t.Fatalf("access list %+v", rules)
	}
	if r := must(shareaccessrules.Get(ctx, user, rule.ID).Extract()); r.State != "active" || r.ShareID != s.ID {
		t.Fatalf("access rule %+v", r)
	}
	if list := must(shareaccessrules.List(ctx, user, s.ID).Extract()); len(list) != 1 {
		t.Fatalf("access rules %+v", list)
	}
	if err := shares.RevokeAccess(ctx, user, s.ID, shares.RevokeAccessOpts{AccessID: rule.ID}).ExtractErr(); err != nil {
		t.Fatal(err)
	}
	f.clock.advance(step)
	if _, err := shareaccessrules.Get(ctx, user, rule.ID).Extract(); !gophercloud.ResponseCodeIs(err, http.StatusNotFound) {
		t.Fatalf("revoked rule: %v", err)
	}

	// Snapshots and revert.
	snap := must(snapshots.Create(ctx, user, snapshots.CreateOpts{ShareID: s.ID, Name: "before"}).Extract())
	if snap.Status != "creating" || snap.Size != 2 {
		t.Fatalf("snapshot %+v", snap)
	}
	f.clock.advance(step)
	sname := "renamed"
	if u := must(snapshots.Update(ctx, user, snap.ID, snapshots.UpdateOpts{DisplayName: &sname}).Extract()); u.Name != sname {
		t.Fatalf("snapshot update %+v", u)
	}
	pages = must(snapshots.ListDetail(user, snapshots.ListOpts{ShareID: s.ID}).AllPages(ctx))
	if list := must(snapshots.ExtractSnapshots(pages)); len(list) != 1 || list[0].Status != "available" {
		t.Fatalf("snapshots %+v", list)
	}
	if err := shares.Extend(ctx, user, s.ID, shares.ExtendOpts{NewSize: 4}).ExtractErr(); err != nil {
		t.Fatal(err)
	}
	f.clock.advance(step)
	if err := shares.Revert(ctx, user, s.ID, shares.RevertOpts{SnapshotID: snap.ID}).ExtractErr(); err != nil {
		t.Fatal(err)
	}
	if got := must(snapshots.Get(ctx, user, snap.ID).Extract()); got.Status != "restoring" {
		t.Fatalf("snapshot while reverting %+v", got)
	}
	f.clock.advance(step)
	if got := must(shares.Get(ctx, user, s.ID).Extract()); got.Status != "available" || got.Size != 2 {
		t.Fatalf("after revert %+v", got)
	}
	// A share from the snapshot.
	clone := must(shares.Create(ctx, user, shares.CreateOpts{ShareProto: "NFS", Size: 2, SnapshotID: snap.ID}).Extract())
	if clone.SnapshotID != snap.ID || clone.Status != "creating_from_snapshot" || clone.ShareType != ShareTypeGoldID {
		t.Fatalf("clone %+v", clone)
	}
	f.clock.advance(step)
	// Admin actions.
	if err := snapshots.ResetStatus(ctx, admin, snap.ID, snapshots.ResetStatusOpts{Status: "error"}).ExtractErr(); err != nil {
		t.Fatal(err)
	}
	if err := snapshots.ForceDelete(ctx, admin, snap.ID).ExtractErr(); err != nil {
		t.Fatal(err)
	}
	if _, err := snapshots.Get(ctx, user, snap.ID).Extract(); !gophercloud.ResponseCodeIs(err, http.StatusNotFound) {
		t.Fatalf("force-deleted snapshot: %v", err)
	}
	if err := shares.ResetStatus(ctx, admin, clone.ID, shares.ResetStatusOpts{Status: "error"}).ExtractErr(); err != nil {
		t.Fatal(err)
	}
	if err := shares.ForceDelete(ctx, admin, clone.ID).ExtractErr(); err != nil {
		t.Fatal(err)
	}
	if err := shares.Delete(ctx, user, s.ID).ExtractErr(); err != nil {
		t.Fatal(err)
	}
	f.clock.advance(step)
	if _, err := shares.Get(ctx, user, s.ID).Extract(); !gophercloud.ResponseCodeIs(err, http.StatusNotFound) {
		t.Fatalf("deleted share: %v", err)
	}

	// Share networks and security services.
	net := must(sharenetworks.Create(ctx, user, sharenetworks.CreateOpts{Name: "gopher-net", NeutronNetID: "n1", NeutronSubnetID: "s1"}).Extract())
	if net.Name != "gopher-net" || net.NeutronNetID != "n1" {
		t.Fatalf("share network %+v", net)
	}
	desc := "updated"
	if u := must(sharenetworks.Update(ctx, user, net.ID, sharenetworks.UpdateOpts{Description: &desc}).Extract()); u.Description != desc {
		t.Fatalf("share network update %+v", u)
	}
	must(sharenetworks.AddSecurityService(ctx, user, net.ID, sharenetworks.AddSecurityServiceOpts{SecurityServiceID: SecurityServiceID}).Extract())
	pages = must(securityservices.List(user, securityservices.ListOpts{ShareNetworkID: net.ID}).AllPages(ctx))
	if list := must(securityservices.ExtractSecurityServices(pages)); len(list) != 1 || list[0].ID != SecurityServiceID || list[0].Type != "ldap" {
		t.Fatalf("security services %+v", list)
	}
	if ss := must(securityservices.Get(ctx, user, SecurityServiceID).Extract()); ss.Name != SecurityServiceName {
		t.Fatalf("security service %+v", ss)
	}
	must(sharenetworks.RemoveSecurityService(ctx, user, net.ID, sharenetworks.RemoveSecurityServiceOpts{SecurityServiceID: SecurityServiceID}).Extract())
	if got := must(sharenetworks.Get(ctx, user, net.ID).Extract()); got.ID != net.ID {
		t.Fatalf("share network %+v", got)
	}
	if err := sharenetworks.Delete(ctx, user, net.ID).ExtractErr(); err != nil {
		t.Fatal(err)
	}

	// Zones (the os-availability-zone path gophercloud uses exists up to
	// 2.6: asked without a microversion, as the OpenStack provider does),
	// messages and types.
	if _, err := availabilityzones.List(user).AllPages(ctx); !gophercloud.ResponseCodeIs(err, http.StatusNotFound) {
		t.Fatalf("os-availability-zone at 2.56: %v", err)
	}
	user.Microversion = ""
	pages = must(availabilityzones.List(user).AllPages(ctx))
	user.Microversion = "2.56"
	if zones := must(availabilityzones.ExtractAvailabilityZones(pages)); len(zones) != 2 || zones[1].Name != AvailabilityZoneDR {
		t.Fatalf("zones %+v", zones)
	}
	failed := must(shares.Create(ctx, user, shares.CreateOpts{ShareProto: "NFS", Size: 1, Name: FailurePrefix, ShareType: ShareTypeGoldID}).Extract())
	f.clock.advance(step)
	pages = must(messages.List(user, messages.ListOpts{ResourceID: failed.ID}).AllPages(ctx))
	if list := must(messages.ExtractMessages(pages)); len(list) != 1 || list[0].ResourceType != "SHARE" {
		t.Fatalf("messages %+v", list)
	}
	if def := must(sharetypes.GetDefault(ctx, user).Extract()); def.ID != ShareTypeDefaultID {
		t.Fatalf("default type %+v", def)
	}
}

// gophercloud's replicas package drives promotion, resync and the replica
// export locations; the old client's OkCodes meet the documented 202s.
func TestGophercloudDrivesReplicas(t *testing.T) {
	f := newFixture(t, Options{Modern: true})
	user, admin := gopherclouds(t, f, "2.56")
	ctx := context.Background()
	s := must(shares.Create(ctx, user, shares.CreateOpts{ShareProto: "NFS", Size: 1, ShareType: ShareTypeReplicatedID}).Extract())
	f.clock.advance(step)
	if got := must(shares.Get(ctx, user, s.ID).Extract()); got.ReplicationType != "dr" || got.HasReplicas {
		t.Fatalf("replicated share %+v", got)
	}
	r := must(replicas.Create(ctx, user, replicas.CreateOpts{ShareID: s.ID, AvailabilityZone: AvailabilityZoneDR}).Extract())
	if r.Status != "creating" || r.State != "" {
		t.Fatalf("created replica %+v", r)
	}
	f.clock.advance(step)
	pages := must(replicas.ListDetail(user, replicas.ListOpts{ShareID: s.ID}).AllPages(ctx))
	list := must(replicas.ExtractReplicas(pages))
	if len(list) != 2 || list[0].State != "active" || list[1].State != "in_sync" || list[1].AvailabilityZone != AvailabilityZoneDR {
		t.Fatalf("replicas %+v", list)
	}
	pages = must(replicas.List(user, replicas.ListOpts{ShareID: s.ID}).AllPages(ctx))
	if short := must(replicas.ExtractReplicas(pages)); len(short) != 2 {
		t.Fatalf("summary %+v", short)
	}
	if got := must(shares.Get(ctx, user, s.ID).Extract()); !got.HasReplicas {
		t.Fatalf("has_replicas %+v", got)
	}
	els := must(replicas.ListExportLocations(ctx, user, r.ID).Extract())
	if len(els) != 1 || els[0].AvailabilityZone != AvailabilityZoneDR || els[0].State != "in_sync" {
		t.Fatalf("replica export locations %+v", els)
	}
	must(replicas.GetExportLocation(ctx, user, r.ID, els[0].ID).Extract())
	// Promote: the old active one is out of sync, then resynced by the admin.
	if err := replicas.Promote(ctx, user, r.ID, replicas.PromoteOpts{}).ExtractErr(); err != nil {
		t.Fatal(err)
	}
	if got := must(replicas.Get(ctx, user, r.ID).Extract()); got.Status != "replication_change" {
		t.Fatalf("promoting %+v", got)
	}
	f.clock.advance(step)
	if got := must(replicas.Get(ctx, user, r.ID).Extract()); got.Status != "available" || got.State != "active" {
		t.Fatalf("promoted %+v", got)
	}
	first := list[0].ID
	if got := must(replicas.Get(ctx, user, first).Extract()); got.State != "out_of_sync" {
		t.Fatalf("former active %+v", got)
	}
	if err := replicas.Resync(ctx, admin, first).ExtractErr(); err != nil {
		t.Fatal(err)
	}
	f.clock.advance(step)
	if got := must(replicas.Get(ctx, user, first).Extract()); got.State != "in_sync" {
		t.Fatalf("resynced %+v", got)
	}
	if err := replicas.ResetState(ctx, admin, first, replicas.ResetStateOpts{State: "out_of_sync"}).ExtractErr(); err != nil {
		t.Fatal(err)
	}
	if err := replicas.ResetStatus(ctx, admin, first, replicas.ResetStatusOpts{Status: "available"}).ExtractErr(); err != nil {
		t.Fatal(err)
	}
	// The active replica cannot be deleted; the other one can.
	if err := replicas.Delete(ctx, user, r.ID).ExtractErr(); !gophercloud.ResponseCodeIs(err, http.StatusBadRequest) {
		t.Fatalf("deleting the active replica: %v", err)
	}
	if err := replicas.Delete(ctx, user, first).ExtractErr(); err != nil {
		t.Fatal(err)
	}
	f.clock.advance(step)
	r2 := must(replicas.Create(ctx, user, replicas.CreateOpts{ShareID: s.ID, AvailabilityZone: AvailabilityZone}).Extract())
	if err := replicas.ForceDelete(ctx, admin, r2.ID).ExtractErr(); err != nil {
		t.Fatal(err)
	}
	if _, err := replicas.Get(ctx, user, r2.ID).Extract(); !gophercloud.ResponseCodeIs(err, http.StatusNotFound) {
		t.Fatalf("force-deleted replica: %v", err)
	}
}

// On Newton (2.22) gophercloud creates shares in a consistency group
// (consistency_group_id, 2.4 on) and replicates a share (experimental at
// 2.22); the share view carries the consistency group fields, and no
// share group ones.
func TestGophercloudDrivesNewtonShares(t *testing.T) {
	f := newFixture(t, Options{})
	user, _ := gopherclouds(t, f, "2.22")
	ctx := context.Background()
	cg := f.createCG(f.user, goldCG("gophercloud"))
	f.clock.advance(step)
	s := must(shares.Create(ctx, user, shares.CreateOpts{ShareProto: "NFS", Size: 1, ShareType: ShareTypeGoldID, ConsistencyGroupID: cg}).Extract())
	if s.ConsistencyGroupID != cg || s.ShareGroupID != "" {
		t.Fatalf("share in a consistency group %+v", s)
	}
	// Its deletion needs the group's ID, which gophercloud's shares.Delete
	// cannot send.
	f.clock.advance(step)
	if err := shares.Delete(ctx, user, s.ID).ExtractErr(); !gophercloud.ResponseCodeIs(err, http.StatusBadRequest) {
		t.Fatalf("delete without consistency_group_id: %v", err)
	}
	r := must(shares.Create(ctx, user, shares.CreateOpts{ShareProto: "NFS", Size: 1, ShareType: ShareTypeReplicatedID}).Extract())
	f.clock.advance(step)
	rep := must(replicas.Create(ctx, user, replicas.CreateOpts{ShareID: r.ID, AvailabilityZone: AvailabilityZoneDR}).Extract())
	f.clock.advance(step)
	if got := must(replicas.Get(ctx, user, rep.ID).Extract()); got.State != "in_sync" {
		t.Fatalf("replica on Newton %+v", got)
	}
	// The replica export locations (2.47) are no route of Newton's.
	if _, err := replicas.ListExportLocations(ctx, user, rep.ID).Extract(); !gophercloud.ResponseCodeIs(err, http.StatusNotFound) {
		t.Fatalf("replica export locations on Newton: %v", err)
	}
}
