package sdrs

import (
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/conv"
	"github.com/google/uuid"
)

// createInstance validates the request and submits a
// createProtectedInstanceNoCG job; when it ends, the DR site exists (the
// DR server, its NIC, one replication pair per disk) and the instance is
// available, or protected in a protected group (sdrs.md §9.2, §9.8).
func (a *API) createInstance(w http.ResponseWriter, _ *http.Request, body []byte, now time.Time) *apiError {
	req, e := decodeRequest[createInstanceRequest](body, "protected_instance")
	if e != nil {
		return e
	}
	g, s, spec, tags, e := a.checkCreateInstance(req)
	if e != nil {
		return e
	}
	inst := &protectedInstance{
		id: uuid.NewString(), name: *req.Name, description: req.Description, groupID: g.id, sourceServer: s.id,
		status: statusCreating, tags: tags, createdAt: now, updatedAt: now,
	}
	drServer := uuid.NewString()
	s.instanceID = inst.id
	inst.job = a.submit(now, jobCreateInstance, inst.id,
		map[string]string{"protected_instance_id": inst.id, "server_group_id": g.id, "native_server_id": drServer}, inst.description)
	a.about(inst.job, g.id, inst.id, inst.name)
	inst.job.effect = jobEffect{instance: inst, source: s, spec: spec, drServer: drServer}
	a.bind(inst.job)
	a.instances.Add(inst)
	writeJobID(w, inst.job)
	return nil
}

// findInstance returns the instance in the path: SDRS.0208 for an ID that
// is not one, SDRS.1320 for one that does not exist (sdrs.md §23: the
// Huawei provider expects 1320 for a missing instance; 0208 is the
// catalogue's "invalid protected instance ID", taken for malformed IDs).
func (a *API) findInstance(r *http.Request) (*protectedInstance, *apiError) {
	id := r.PathValue("protected_instance_id")
	if !isUUID(id) {
		return nil, sdrsError("SDRS.0208", strconv.Quote(id)+" is not a protected instance ID")
	}
	return findRow(a.instances, r, "protected_instance_id", "SDRS.1320")
}

func (a *API) getInstance(w http.ResponseWriter, r *http.Request, _ []byte, _ time.Time) *apiError {
	inst, e := a.findInstance(r)
	if e != nil {
		return e
	}
	a.observe(inst.job)
	writeJSON(w, http.StatusOK, map[string]any{"protected_instance": a.instanceView(inst)})
	return nil
}

// listInstances answers the instances that match the filters, oldest
// first, one page of them, with the number that match as count.
func (a *API) listInstances(w http.ResponseWriter, r *http.Request, _ []byte, _ time.Time) *apiError {
	f, e := parseInstanceQuery(r.URL.Query())
	if e != nil {
		return e
	}
	matched := a.instances.Filter(func(i *protectedInstance) bool { return a.instanceMatches(f, i) })
	writeList(w, "protected_instances", matched, f.paging, func(i *protectedInstance) instanceView {
		a.observe(i.job)
		return a.instanceView(i)
	})
	return nil
}

// renameInstance changes the name (synchronous, sdrs.md §9.6).
func (a *API) renameInstance(w http.ResponseWriter, r *http.Request, body []byte, now time.Time) *apiError {
	inst, e := a.findInstance(r)
	if e != nil {
		return e
	}
	name, e := decodeName(body, "protected_instance")
	if e != nil {
		return e
	}
	inst.name, inst.updatedAt = name, now
	writeJSON(w, http.StatusOK, map[string]any{"protected_instance": a.instanceView(inst)})
	return nil
}

// instanceDeletable are the statuses that allow a deletion (sdrs.md §9.7).
var instanceDeletable = []string{statusAvailable, statusProtected, statusFailedOver, statusError, statusErrorStarting, statusErrorStopping,
	statusErrorReversing, statusErrorFailingOver, statusErrorDeleting, statusErrorReprotecting, instanceErrorResizing, instanceInvalid, instanceFault}

// deleteInstance reads the optional body {"delete_target_server",
// "delete_target_eip"} (an empty or absent one is all false) and submits a
// deleteProtectedInstanceNoCG job.
func (a *API) deleteInstance(w http.ResponseWriter, r *http.Request, body []byte, now time.Time) *apiError {
	inst, e := a.findInstance(r)
	if e != nil {
		return e
	}
	var req struct {
		DeleteTargetServer *bool `json:"delete_target_server"`
		DeleteTargetEIP    *bool `json:"delete_target_eip"`
	}
	if strings.TrimSpace(string(body)) != "" {
		if err := json.Unmarshal(body, &req); err != nil {
			return sdrsError("SDRS.0201", "the body is not {\"delete_target_server\": bool, \"delete_target_eip\": bool}: "+err.Error())
		}
	}
	if !slices.Contains(instanceDeletable, inst.status) {
		return sdrsError("SDRS.1301", "the protected instance is "+inst.status)
	}
	deleteServer, deleteEIP := conv.Deref(req.DeleteTargetServer), conv.Deref(req.DeleteTargetServer) && conv.Deref(req.DeleteTargetEIP)
	if g, ok := a.groups.Get(inst.groupID); ok && g.priority != "source" {
		if deleteServer {
			return sdrsError("SDRS.1330", "the production site is the group's target site")
		}
		if conv.Deref(req.DeleteTargetEIP) {
			return sdrsError("SDRS.1338", "the production site is the group's target site")
		}
	}
	before := inst.status
	inst.status, inst.updatedAt = statusDeleting, now
	inst.job = a.submit(now, jobDeleteInstance, inst.id, map[string]string{"protected_instance_id": inst.id}, inst.description)
	a.about(inst.job, inst.groupID, inst.id, inst.name)
	inst.job.effect = jobEffect{instance: inst, before: before, deleteServer: deleteServer, deleteEIP: deleteEIP}
	a.bind(inst.job)
	writeJobID(w, inst.job)
	return nil
}

// listInstanceTags answers GET .../tags.
func (a *API) listInstanceTags(w http.ResponseWriter, r *http.Request, _ []byte, _ time.Time) *apiError {
	inst, e := a.findInstance(r)
	if e != nil {
		return e
	}
	writeJSON(w, http.StatusOK, map[string]any{"tags": tagsView(inst.tags)})
	return nil
}

// tagAction applies POST .../tags/action: create adds or overwrites the
// tags, delete removes the keys given (with their value, when it is given,
// sdrs.md §9.9); both are idempotent and answer 204. An instance may have
// at most 20 tags.
func (a *API) tagAction(w http.ResponseWriter, r *http.Request, body []byte, now time.Time) *apiError {
	inst, e := a.findInstance(r)
	if e != nil {
		return e
	}
	var req struct {
		Action string    `json:"action"`
		Tags   []tagJSON `json:"tags"`
	}
	if err := json.Unmarshal(body, &req); err != nil {
		return sdrsError("SDRS.0201", "the body is not {\"action\", \"tags\"}: "+err.Error())
	}
	if req.Action != "create" && req.Action != "delete" {
		return sdrsError("SDRS.2201", "action must be create or delete")
	}
	if len(req.Tags) == 0 {
		return sdrsError("SDRS.0201", "tags must not be empty")
	}
	if inst.status == statusCreating || inst.status == statusDeleting {
		return sdrsError("SDRS.2221", "the protected instance is "+inst.status)
	}
	tags, e := checkTags(req.Tags, maxInstanceTags)
	if e != nil {
		return e
	}
	if req.Action == "create" {
		merged := slices.Clone(inst.tags)
		for _, t := range tags {
			if i := slices.IndexFunc(merged, func(o tag) bool { return o.key == t.key }); i >= 0 {
				merged[i] = t
			} else {
				merged = append(merged, t)
			}
		}
		if len(merged) > maxInstanceTags {
			return sdrsError("SDRS.2203", "the protected instance would have "+strconv.Itoa(len(merged))+" tags; at most 20 are allowed")
		}
		inst.tags = merged
	} else {
		for i, t := range tags {
			withValue := req.Tags[i].Value != nil
			inst.tags = slices.DeleteFunc(inst.tags, func(o tag) bool { return o.key == t.key && (!withValue || o.value == t.value) })
		}
	}
	inst.updatedAt = now
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// attachPair validates {"replicationAttachment": {"replication_id",
// "device"}} and submits an attachReplicationPairNew job; the pair is
// "attaching" until it ends (sdrs.md §10.1).
func (a *API) attachPair(w http.ResponseWriter, r *http.Request, body []byte, now time.Time) *apiError {
	inst, e := a.findInstance(r)
	if e != nil {
		return e
	}
	var req struct {
		ReplicationID *string `json:"replication_id"`
		Device        *string `json:"device"`
	}
	if e := decodeBody(body, "replicationAttachment", &req); e != nil {
		return e
	}
	pairID := conv.Deref(req.ReplicationID)
	if !isUUID(pairID) {
		return sdrsError("SDRS.0213", strconv.Quote(pairID)+" is not a replication pair ID")
	}
	p, ok := a.pairs.Get(pairID)
	if !ok {
		return sdrsError("SDRS.1608", "no replication pair has the ID "+pairID)
	}
	device := conv.Deref(req.Device)
	if !devicePattern.MatchString(device) {
		return sdrsError("SDRS.0201", "device "+strconv.Quote(device)+" is not a name such as /dev/vdb")
	}
	device = normalDevice(device)
	g, _ := a.groups.Get(inst.groupID)
	v, _ := a.volumes.Get(p.volumeID)
	switch {
	case p.groupID != inst.groupID:
		return sdrsError("SDRS.1611", "replication pair "+p.id+" is in protection group "+p.groupID)
	case !slices.Contains(groupOperable, g.status):
		return sdrsError("SDRS.1024", "the protection group is "+g.status)
	case !slices.Contains(instanceOperable, inst.status):
		return sdrsError("SDRS.1328", "the protected instance is "+inst.status)
	case p.status != pairAvailable && p.status != statusProtected:
		return sdrsError("SDRS.1601", "the replication pair is "+p.status)
	case p.instanceID != "":
		return sdrsError("SDRS.1605", "replication pair "+p.id+" is attached to protected instance "+p.instanceID)
	case inst.hasDevice(device):
		return sdrsError("SDRS.1603", "the protected instance already has a disk at "+device)
	case device == "/dev/vda" && !v.bootable:
		return sdrsError("SDRS.0201", "only a system disk's replication pair can be attached at /dev/vda")
	case v.az != g.productionAZ():
		return sdrsError("SDRS.1810", "disk "+v.id+" is in "+v.az)
	}
	before := p.status
	p.status, p.updatedAt = pairAttaching, now
	j := a.submitMarked(now, jobAttach, inst.id+"/"+p.id, map[string]string{"protected_instance_id": inst.id, "replication_pair_id": p.id},
		inst.description, p.description)
	a.about(j, inst.groupID, inst.id, inst.name)
	inst.job, p.job = j, j
	j.effect = jobEffect{instance: inst, pair: p, before: before, device: device}
	a.bind(j)
	writeJobID(w, j)
	return nil
}

// pairDetachable are the pair statuses that allow a detachment, and
// instanceDetachable the instance's (sdrs.md §10.2).
var (
	pairDetachable = []string{pairAvailable, statusProtected, statusFailedOver, "error-attaching", "error-detaching", statusErrorStarting,
		statusErrorStopping, statusErrorReversing, statusErrorFailingOver, statusErrorDeleting, statusErrorReprotecting, "error-extending",
		instanceInvalid, instanceFault}
	instanceDetachable = []string{statusAvailable, statusProtected, statusFailedOver, statusErrorStarting, statusErrorStopping,
		statusErrorReversing, statusErrorFailingOver, statusErrorDeleting, statusErrorReprotecting, instanceErrorResizing, instanceInvalid, instanceFault}
	groupDetachable = []string{statusAvailable, statusProtected, statusFailedOver, statusErrorStarting, statusErrorStopping,
		statusErrorReversing, statusErrorFailingOver}
)

// detachPair submits a detachReplicationPairNew job; a system disk is
// detached only from a stopped server (sdrs.md §10.2).
func (a *API) detachPair(w http.ResponseWriter, r *http.Request, _ []byte, now time.Time) *apiError {
	inst, e := a.findInstance(r)
	if e != nil {
		return e
	}
	pairID := r.PathValue("replication_id")
	if !isUUID(pairID) {
		return sdrsError("SDRS.0213", strconv.Quote(pairID)+" is not a replication pair ID")
	}
	p, ok := a.pairs.Get(pairID)
	if !ok {
		return sdrsError("SDRS.1608", "no replication pair has the ID "+pairID)
	}
	g, _ := a.groups.Get(inst.groupID)
	production, _ := a.productionServer(inst)
	switch {
	case p.instanceID != inst.id:
		return sdrsError("SDRS.1604", "replication pair "+p.id+" is not attached to protected instance "+inst.id)
	case !slices.Contains(groupDetachable, g.status):
		return sdrsError("SDRS.1002", "the protection group is "+g.status)
	case !slices.Contains(instanceDetachable, inst.status):
		return sdrsError("SDRS.1328", "the protected instance is "+inst.status)
	case !slices.Contains(pairDetachable, p.status):
		return sdrsError("SDRS.0214", "the replication pair is "+p.status)
	case p.device == "/dev/vda" && a.serverRunning(production):
		return sdrsError("SDRS.1316", "server "+production+" must be stopped to detach its system disk")
	}
	before := p.status
	p.status, p.updatedAt = pairDetaching, now
	j := a.submitMarked(now, jobDetach, inst.id+"/"+p.id, map[string]string{"protected_instance_id": inst.id, "replication_pair_id": p.id},
		inst.description, p.description)
	a.about(j, inst.groupID, inst.id, inst.name)
	inst.job, p.job = j, j
	j.effect = jobEffect{instance: inst, pair: p, before: before, group: g}
	a.bind(j)
	writeJobID(w, j)
	return nil
}

// serverRunning reports whether a server exists and is not stopped.
func (a *API) serverRunning(id string) bool {
	s, ok := a.servers.Get(id)
	return ok && s.status != serverShutoff
}

// maxNICs is the most NICs of a protected instance, the primary one
// included (sdrs.md §11.1).
const maxNICs = 12

// addNIC validates the unwrapped body {"subnet_id", "security_groups",
// "ip_address"} and submits an addNicNew job that adds the NIC to the
// current production server (sdrs.md §11.1).
func (a *API) addNIC(w http.ResponseWriter, r *http.Request, body []byte, now time.Time) *apiError {
	inst, e := a.findInstance(r)
	if e != nil {
		return e
	}
	var req struct {
		SubnetID       *string `json:"subnet_id"`
		SecurityGroups []struct {
			ID string `json:"id"`
		} `json:"security_groups"`
		IPAddress *string `json:"ip_address"`
	}
	if err := json.Unmarshal(body, &req); err != nil || req.SubnetID == nil {
		return sdrsError("SDRS.0201", "the body must be {\"subnet_id\": ..., \"security_groups\": [...], \"ip_address\": ...}")
	}
	g, _ := a.groups.Get(inst.groupID)
	sub, ok := a.subnets.Get(*req.SubnetID)
	switch {
	case !slices.Contains(groupOperable, g.status):
		return sdrsError("SDRS.1024", "the protection group is "+g.status)
	case !slices.Contains(instanceOperable, inst.status):
		return sdrsError("SDRS.1327", "the protected instance is "+inst.status)
	case !ok || sub.vpcID != g.sourceVPC:
		return sdrsError("SDRS.1335", "no subnet "+strconv.Quote(*req.SubnetID)+" in the group's VPC")
	}
	sgs := []string{}
	for _, sg := range req.SecurityGroups {
		if !a.securityGroups.Any(func(g *securityGroup) bool { return g.id == sg.ID }) {
			return sdrsError("SDRS.0201", "no security group has the ID "+strconv.Quote(sg.ID))
		}
		sgs = append(sgs, sg.ID)
	}
	if len(sgs) == 0 {
		sgs = []string{DefaultSecurityGroupID}
	}
	production, _ := a.productionServer(inst)
	if len(a.portsOf(production)) >= maxNICs {
		return sdrsError("SDRS.1340", "a protected instance has at most 12 NICs")
	}
	ip, e := a.allocateIP(sub, conv.Deref(req.IPAddress))
	if e != nil {
		return e
	}
	nic := &port{id: uuid.NewString(), networkID: sub.id, ip: ip, sgIDs: sgs}
	// The address is held from the request on, so that a second request
	// cannot take it.
	a.ports.Add(nic)
	before := inst.status
	inst.status, inst.updatedAt = instanceNICCreating, now
	inst.job = a.submit(now, jobAddNIC, inst.id, map[string]string{"protected_instance_id": inst.id, "nic_id": nic.id}, inst.description)
	a.about(inst.job, inst.groupID, inst.id, inst.name)
	inst.job.effect = jobEffect{instance: inst, nic: nic, before: before, production: production}
	a.bind(inst.job)
	writeJobID(w, inst.job)
	return nil
}

// deleteNIC validates {"nic_id"} and submits a deleteNicNew job: an
// extension NIC of the current production server, never its primary one
// (sdrs.md §11.2).
func (a *API) deleteNIC(w http.ResponseWriter, r *http.Request, body []byte, now time.Time) *apiError {
	inst, e := a.findInstance(r)
	if e != nil {
		return e
	}
	var req struct {
		NICID *string `json:"nic_id"`
	}
	if err := json.Unmarshal(body, &req); err != nil {
		return sdrsError("SDRS.0201", "the body must be {\"nic_id\": ...}")
	}
	id := conv.Deref(req.NICID)
	if !isUUID(id) {
		return sdrsError("SDRS.0223", strconv.Quote(id)+" is not a NIC ID")
	}
	g, _ := a.groups.Get(inst.groupID)
	production, _ := a.productionServer(inst)
	nic, ok := a.ports.Get(id)
	switch {
	case !slices.Contains(groupOperable, g.status):
		return sdrsError("SDRS.1024", "the protection group is "+g.status)
	case !slices.Contains(instanceOperable, inst.status):
		return sdrsError("SDRS.1327", "the protected instance is "+inst.status)
	case !ok || nic.deviceID != production:
		return sdrsError("SDRS.1310", "the production server has no NIC "+id)
	case nic.primary:
		return sdrsError("SDRS.1311", "")
	}
	before := inst.status
	inst.status, inst.updatedAt = instanceNICDeleting, now
	inst.job = a.submit(now, jobDeleteNIC, inst.id, map[string]string{"protected_instance_id": inst.id, "nic_id": nic.id}, inst.description)
	a.about(inst.job, inst.groupID, inst.id, inst.name)
	inst.job.effect = jobEffect{instance: inst, nic: nic, before: before}
	a.bind(inst.job)
	writeJobID(w, inst.job)
	return nil
}

// resizeInstance validates {"resize": {...}} and submits a
// resizeProtectedInstanceNew job: flavorRef resizes both servers, else
// production_flavorRef and dr_flavorRef the current production and DR
// servers; the servers resized must be stopped (sdrs.md §12).
func (a *API) resizeInstance(w http.ResponseWriter, r *http.Request, body []byte, now time.Time) *apiError {
	inst, e := a.findInstance(r)
	if e != nil {
		return e
	}
	var req struct {
		FlavorRef                 *string `json:"flavorRef"`
		ProductionFlavorRef       *string `json:"production_flavorRef"`
		DRFlavorRef               *string `json:"dr_flavorRef"`
		ProductionDedicatedHostID *string `json:"production_dedicated_host_id"`
		DRDedicatedHostID         *string `json:"dr_dedicated_host_id"`
	}
	if e := decodeBody(body, "resize", &req); e != nil {
		return e
	}
	production, dr := a.productionServer(inst)
	targets := map[string]string{} // server ID → flavor
	switch {
	case req.FlavorRef != nil:
		targets[production], targets[dr] = *req.FlavorRef, *req.FlavorRef
	case req.ProductionFlavorRef == nil && req.DRFlavorRef == nil:
		return sdrsError("SDRS.0201", "one of flavorRef, production_flavorRef and dr_flavorRef is required")
	default:
		if req.ProductionFlavorRef != nil {
			targets[production] = *req.ProductionFlavorRef
		}
		if req.DRFlavorRef != nil {
			targets[dr] = *req.DRFlavorRef
		}
	}
	if req.ProductionDedicatedHostID != nil || req.DRDedicatedHostID != nil {
		return sdrsError("SDRS.1367", "")
	}
	g, _ := a.groups.Get(inst.groupID)
	switch {
	case !slices.Contains(groupOperable, g.status):
		return sdrsError("SDRS.1024", "the protection group is "+g.status)
	case !slices.Contains([]string{statusAvailable, statusProtected, instanceErrorResizing}, inst.status):
		return sdrsError("SDRS.1328", "the protected instance is "+inst.status)
	case !inst.hasDevice("/dev/vda"):
		return sdrsError("SDRS.0201", "no replication pair of the system disk is attached (SDRS.1377)")
	}
	changed := false
	for _, id := range []string{production, dr} {
		f, ok := targets[id]
		if !ok {
			continue
		}
		if _, known := findFlavor(f); !known {
			if id == production {
				return sdrsError("SDRS.1356", "no flavor "+strconv.Quote(f))
			}
			return sdrsError("SDRS.1353", "no flavor "+strconv.Quote(f))
		}
		s, _ := a.servers.Get(id)
		if s.flavor != f {
			changed = true
		}
		if s.status != serverShutoff {
			if id == production {
				return sdrsError("SDRS.1352", "server "+id+" is "+s.status)
			}
			return sdrsError("SDRS.1342", "server "+id+" is "+s.status)
		}
	}
	if !changed {
		return sdrsError("SDRS.1341", "the servers already have these flavors")
	}
	before := inst.status
	if before == instanceErrorResizing {
		before = instanceStatusAfter(g.status)
	}
	inst.status, inst.updatedAt = instanceResizing, now
	inst.job = a.submit(now, jobResize, inst.id, map[string]string{"protected_instance_id": inst.id}, inst.description)
	a.about(inst.job, inst.groupID, inst.id, inst.name)
	inst.job.effect = jobEffect{instance: inst, before: before, targets: targets}
	a.bind(inst.job)
	writeJobID(w, inst.job)
	return nil
}
