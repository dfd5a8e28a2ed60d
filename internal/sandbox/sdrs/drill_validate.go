package sdrs

import (
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/continuity-dr/terraform-provider-continuity/internal/conv"
)

// createDrillRequest is the disaster_recovery_drill of POST
// /disaster-recovery-drills (sdrs.md §14.2).
type createDrillRequest struct {
	Name          *string `json:"name"`
	ServerGroupID *string `json:"server_group_id"`
	DrillVPCID    *string `json:"drill_vpc_id"`
}

// drillGroupStatus are the group statuses that allow a drill.
var drillGroupStatus = []string{statusAvailable, statusProtected, statusFailedOver, statusErrorStarting, statusErrorStopping,
	statusErrorReversing, statusErrorReprotecting, statusErrorFailingOver}

// checkCreateDrill checks a drill's creation in the API's order: its name,
// its group and the group's status, then the drill VPC: it exists
// (SDRS.1928), is not the group's (SDRS.1907), has subnets (SDRS.1908)
// with the CIDRs of the group VPC's (SDRS.1909), and no other drill uses
// it (SDRS.1921). It returns the drill VPC, nil when SDRS is to create one.
func (a *API) checkCreateDrill(req *createDrillRequest) (*protectionGroup, *vpc, *apiError) {
	if e := checkName(req.Name); e != nil {
		return nil, nil, e
	}
	g, ok := a.groups.Get(conv.Deref(req.ServerGroupID))
	if !ok {
		return nil, nil, sdrsError("SDRS.1013", "no protection group has the ID "+strconv.Quote(conv.Deref(req.ServerGroupID)))
	}
	if !slices.Contains(drillGroupStatus, g.status) {
		return nil, nil, sdrsError("SDRS.1002", "the protection group is "+g.status)
	}
	for _, inst := range a.instancesOf(g.id) {
		if !settledInstance(inst) {
			return nil, nil, sdrsError("SDRS.1002", "protected instance "+inst.id+" is "+inst.status)
		}
	}
	if req.DrillVPCID == nil {
		return g, nil, nil
	}
	v, ok := a.vpcs.Get(*req.DrillVPCID)
	switch {
	case !ok:
		return nil, nil, sdrsError("SDRS.1928", "no VPC has the ID "+strconv.Quote(*req.DrillVPCID))
	case v.id == g.sourceVPC:
		return nil, nil, sdrsError("SDRS.1907", "the drill VPC is the protection group's")
	case len(a.subnetsOf(v.id)) == 0:
		return nil, nil, sdrsError("SDRS.1908", "")
	}
	for _, s := range a.subnetsOf(g.sourceVPC) {
		if !slices.ContainsFunc(a.subnetsOf(v.id), func(d *subnet) bool { return d.cidr == s.cidr }) {
			return nil, nil, sdrsError("SDRS.1909", "the drill VPC has no subnet "+s.cidr)
		}
	}
	if other, used := a.drills.Find(func(d *drill) bool { return d.vpcID == v.id }); used {
		return nil, nil, sdrsError("SDRS.1921", "DR drill "+other.id+" uses it")
	}
	return g, v, nil
}

// drillFilter is the query of GET /disaster-recovery-drills (sdrs.md §14.3).
type drillFilter struct {
	paging
	q url.Values
}

func parseDrillQuery(q url.Values) (drillFilter, *apiError) {
	p, e := parsePaging(q)
	return drillFilter{paging: p, q: q}, e
}

// matches filters on server_group_id, name (fuzzy), status and drill_vpc_id.
func (f drillFilter) matches(d *drill) bool {
	switch {
	case f.q.Has("server_group_id") && d.groupID != f.q.Get("server_group_id"):
	case f.q.Has("name") && !strings.Contains(d.name, f.q.Get("name")):
	case f.q.Has("status") && d.status != f.q.Get("status"):
	case f.q.Has("drill_vpc_id") && d.vpcID != f.q.Get("drill_vpc_id"):
	default:
		return true
	}
	return false
}
