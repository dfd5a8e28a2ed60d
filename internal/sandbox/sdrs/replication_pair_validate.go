package sdrs

import (
	"encoding/json"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/continuity-dr/terraform-provider-continuity/internal/conv"
)

// createPairRequest is the replication of POST /replications.
type createPairRequest struct {
	ServerGroupID *string `json:"server_group_id"`
	VolumeID      *string `json:"volume_id"`
	Name          *string `json:"name"`
	Description   *string `json:"description"`
	ClusterID     *string `json:"cluster_id"`
}

// checkCreatePair checks a create request against the group and the disk,
// in the API's order: the group exists (SDRS.1013), the name and the
// description (SDRS.0202, SDRS.0212), no cluster_id, the disk exists
// (SDRS.0211) and is free (SDRS.1811), the group is available or protected
// (SDRS.1024), and the disk is in its production AZ (SDRS.1810).
func (a *API) checkCreatePair(req *createPairRequest) (*protectionGroup, *volume, *apiError) {
	groupID := conv.Deref(req.ServerGroupID)
	g, ok := a.groups.Get(groupID)
	if !ok {
		return nil, nil, sdrsError("SDRS.1013", "no protection group has the ID "+strconv.Quote(groupID))
	}
	if e := checkNameAndDescription(req.Name, req.Description); e != nil {
		return nil, nil, e
	}
	if req.ClusterID != nil {
		return nil, nil, sdrsError("SDRS.0201", "the sandbox has no dedicated distributed storage pools: cluster_id must be omitted")
	}
	volumeID := conv.Deref(req.VolumeID)
	v, ok := a.volumes.Get(volumeID)
	if !ok {
		return nil, nil, sdrsError("SDRS.0211", "no disk has the ID "+strconv.Quote(volumeID))
	}
	if v.pairID != "" {
		return nil, nil, sdrsError("SDRS.1811", "disk "+v.id+" is used by replication pair "+v.pairID)
	}
	if a.pairs.Len() >= quotaReplications {
		return nil, nil, sdrsError("SDRS.0306", "the project has "+strconv.Itoa(a.pairs.Len())+" replication pairs")
	}
	if g.status != statusAvailable && g.status != statusProtected {
		return nil, nil, sdrsError("SDRS.1024", "the protection group is "+g.status)
	}
	if v.az != g.productionAZ() {
		return nil, nil, sdrsError("SDRS.1810", "disk "+v.id+" is in "+v.az+", the protection group's production site is "+g.productionAZ())
	}
	return g, v, nil
}

// Statuses in which a replication pair, and its group, may be deleted
// (OTC deleting_a_replication_pair.rst).
var (
	pairDeletableGroupStatus = []string{
		statusAvailable, statusProtected, statusFailedOver, statusErrorStarting, statusErrorStopping,
		statusErrorReversing, statusErrorFailingOver, statusErrorDeleting, statusErrorReprotecting,
	}
	pairDeletableStatus = []string{
		pairAvailable, statusProtected, statusFailedOver, pairError, statusErrorStarting, statusErrorStopping,
		statusErrorReversing, statusErrorFailingOver, pairErrorDeleting, statusErrorReprotecting,
		"error-attaching", "error-extending", "invalid", "fault",
	}
)

// checkDeletePair checks a delete request: the optional body
// {"replication": {"server_group_id", "delete_target_volume"}} must name
// the pair's group (SDRS.1611), and the pair (SDRS.0214) and its group
// (SDRS.1002) must be in a status that allows the deletion.
func (a *API) checkDeletePair(p *replicationPair, body []byte) *apiError {
	var req struct {
		ServerGroupID      *string `json:"server_group_id"`
		DeleteTargetVolume *bool   `json:"delete_target_volume"`
	}
	if len(strings.TrimSpace(string(body))) > 0 {
		if e := decodeBody(body, "replication", &req); e != nil {
			return e
		}
	}
	if req.ServerGroupID != nil && *req.ServerGroupID != p.groupID {
		return sdrsError("SDRS.1611", "replication pair "+p.id+" belongs to protection group "+p.groupID)
	}
	if !slices.Contains(pairDeletableStatus, p.status) {
		return sdrsError("SDRS.0214", "the replication pair is "+p.status)
	}
	if p.instanceID != "" {
		return sdrsError("SDRS.1605", "replication pair "+p.id+" is attached to protected instance "+p.instanceID+" at "+p.device+"; detach it first")
	}
	if g, ok := a.groups.Get(p.groupID); ok && !slices.Contains(pairDeletableGroupStatus, g.status) {
		return sdrsError("SDRS.1002", "the protection group is "+g.status)
	}
	return nil
}

// maxListIDs is the most IDs server_group_ids and protected_instance_ids
// take (sdrs.md §22, SDRS.0226).
const maxListIDs = 30

// pairFilter is the query of GET /replications (OTC
// querying_replication_pairs.rst; the SDK's ListReplicationsRequest): each
// filter set is one more condition.
type pairFilter struct {
	paging
	// groupIDs are server_group_ids, or server_group_id (ignored when
	// server_group_ids is given); nil filters nothing.
	groupIDs []string
	// instanceIDs are protected_instance_ids, or protected_instance_id.
	instanceIDs      []string
	name             *string // substring ("fuzzy")
	status           *string
	availabilityZone *string // the current production site of the pair's group
	abnormal         bool    // query_type status_abnormal
}

// parsePairQuery validates the list's query parameters, with the API's
// codes: SDRS.0221 and SDRS.0222 for paging, SDRS.0201 for a query_type or
// an ID list it does not know, SDRS.0226 for more than 30 IDs.
func parsePairQuery(q url.Values) (pairFilter, *apiError) {
	p, e := parsePaging(q)
	if e != nil {
		return pairFilter{}, e
	}
	f := pairFilter{paging: p}
	switch q.Get("query_type") {
	case "", "general":
	case "status_abnormal":
		f.abnormal = true
	default:
		return pairFilter{}, sdrsError("SDRS.0201", "query_type "+strconv.Quote(q.Get("query_type"))+" is not status_abnormal or general")
	}
	if f.groupIDs, e = idFilter(q, "server_group_id", "server_group_ids"); e != nil {
		return pairFilter{}, e
	}
	if f.instanceIDs, e = idFilter(q, "protected_instance_id", "protected_instance_ids"); e != nil {
		return pairFilter{}, e
	}
	for _, s := range []struct {
		name string
		dst  **string
	}{{"name", &f.name}, {"status", &f.status}, {"availability_zone", &f.availabilityZone}} {
		if q.Has(s.name) {
			v := q.Get(s.name)
			*s.dst = &v
		}
	}
	return f, nil
}

// idFilter returns the IDs of the list parameter (a JSON-like array of
// quoted IDs, ['a','b'] as the docs write it or ["a","b"] as their example
// request sends it), else of the single parameter, else nil.
func idFilter(q url.Values, single, list string) ([]string, *apiError) {
	if !q.Has(list) {
		if q.Has(single) {
			return []string{q.Get(single)}, nil
		}
		return nil, nil
	}
	raw := strings.TrimSpace(q.Get(list))
	var ids []string
	if err := json.Unmarshal([]byte(strings.ReplaceAll(raw, "'", `"`)), &ids); err != nil {
		return nil, sdrsError("SDRS.0201", list+" must be a list such as ['id1','id2']: "+strconv.Quote(raw))
	}
	if len(ids) > maxListIDs {
		return nil, sdrsError("SDRS.0226", list+" holds "+strconv.Itoa(len(ids))+" IDs; at most "+strconv.Itoa(maxListIDs)+" are allowed")
	}
	if ids == nil {
		ids = []string{}
	}
	return ids, nil
}

// abnormalPairStatus reports whether a pair's status is abnormal for
// query_type status_abnormal: an error status, invalid or fault.
func abnormalPairStatus(status string) bool {
	return strings.HasPrefix(status, "error") || status == "invalid" || status == "fault"
}

// pairMatches reports whether p passes every filter of f; a filter on
// protected instances matches the pairs attached to them.
func (a *API) pairMatches(f pairFilter, p *replicationPair) bool {
	switch {
	case f.groupIDs != nil && !slices.Contains(f.groupIDs, p.groupID):
	case f.instanceIDs != nil && !slices.Contains(f.instanceIDs, p.instanceID):
	case f.name != nil && !strings.Contains(p.name, *f.name):
	case f.status != nil && p.status != *f.status:
	case f.abnormal && !abnormalPairStatus(p.status):
	case f.availabilityZone != nil && !a.inProductionAZ(p, *f.availabilityZone):
	default:
		return true
	}
	return false
}

// inProductionAZ reports whether the current production site of p's group
// is az.
func (a *API) inProductionAZ(p *replicationPair, az string) bool {
	g, ok := a.groups.Get(p.groupID)
	return ok && g.productionAZ() == az
}
