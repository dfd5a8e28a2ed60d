package sdrs

import (
	"bytes"
	"encoding/json"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/continuity-dr/terraform-provider-continuity/internal/conv"
)

// createGroupRequest is the server_group of POST /server-groups. Unknown
// fields (such as the seed's server_type) are ignored, as the API does.
type createGroupRequest struct {
	Name                   *string `json:"name"`
	Description            *string `json:"description"`
	SourceAvailabilityZone *string `json:"source_availability_zone"`
	TargetAvailabilityZone *string `json:"target_availability_zone"`
	DomainID               *string `json:"domain_id"`
	SourceVPCID            *string `json:"source_vpc_id"`
	DRType                 *string `json:"dr_type"`
}

// parseCreateGroup decodes and validates a create request synchronously,
// with the API's codes (sdrs.md §1.2, §7).
func (a *API) parseCreateGroup(body []byte) (*createGroupRequest, *apiError) {
	req, e := decodeRequest[createGroupRequest](body, "server_group")
	if e != nil {
		return nil, e
	}
	if e := checkNameAndDescription(req.Name, req.Description); e != nil {
		return nil, e
	}
	if conv.Deref(req.DomainID) != DomainID {
		return nil, sdrsError("SDRS.0205", "no active-active domain has the ID "+strconv.Quote(conv.Deref(req.DomainID)))
	}
	source, target := conv.Deref(req.SourceAvailabilityZone), conv.Deref(req.TargetAvailabilityZone)
	for _, az := range []struct{ name, value string }{{"source_availability_zone", source}, {"target_availability_zone", target}} {
		if az.value != AZ1 && az.value != AZ2 {
			return nil, sdrsError("SDRS.0203", az.name+" "+strconv.Quote(az.value)+" is not an AZ of the active-active domain ("+AZ1+", "+AZ2+")")
		}
	}
	if source == target {
		return nil, sdrsError("SDRS.0203", "source_availability_zone and target_availability_zone must differ")
	}
	if v, ok := a.vpcs.Get(conv.Deref(req.SourceVPCID)); !ok || !v.fixture {
		return nil, sdrsError("SDRS.0204", "no VPC has the ID "+strconv.Quote(conv.Deref(req.SourceVPCID)))
	}
	if req.DRType != nil && *req.DRType != "migration" {
		return nil, sdrsError("SDRS.0201", "dr_type must be migration")
	}
	return req, nil
}

// groupQueryTypes are the list filters of query_type; "" and "general"
// filter nothing. The SDK's enum value " stop_protected" (with a space) is
// not one of them: the API documents "stop_protected" (sdrs.md §1.4).
var groupQueryTypes = map[string]func(g *protectionGroup) bool{
	"":                   func(*protectionGroup) bool { return true },
	"general":            func(*protectionGroup) bool { return true },
	"status_abnormal":    func(g *protectionGroup) bool { return strings.HasPrefix(g.status, "error") },
	"stop_protected":     func(g *protectionGroup) bool { return g.status == statusAvailable || g.status == statusFailedOver },
	"period_no_dr_drill": func(*protectionGroup) bool { return true }, // groupFilter.noDrill
}

// groupFilter is the query of GET /server-groups (sdrs.md §1.4).
type groupFilter struct {
	paging
	q      url.Values
	byType func(g *protectionGroup) bool
	// noDrill selects the groups without a DR drill in the last three
	// months (query_type period_no_dr_drill).
	noDrill bool
}

// parseGroupQuery validates the list's query parameters.
func parseGroupQuery(q url.Values) (groupFilter, *apiError) {
	p, e := parsePaging(q)
	if e != nil {
		return groupFilter{}, e
	}
	byType, ok := groupQueryTypes[q.Get("query_type")]
	if !ok {
		return groupFilter{}, sdrsError("SDRS.0201", "query_type "+strconv.Quote(q.Get("query_type"))+
			" is not status_abnormal, stop_protected, period_no_dr_drill or general")
	}
	return groupFilter{paging: p, q: q, byType: byType, noDrill: q.Get("query_type") == "period_no_dr_drill"}, nil
}

// matches reports whether g passes the filter: status exact, name
// substring ("fuzzy"), availability_zone the current production site.
func (f groupFilter) matches(g *protectionGroup) bool {
	switch {
	case f.q.Has("status") && g.status != f.q.Get("status"):
	case f.q.Has("name") && !strings.Contains(g.name, f.q.Get("name")):
	case f.q.Has("availability_zone") && g.productionAZ() != f.q.Get("availability_zone"):
	case !f.byType(g):
	default:
		return true
	}
	return false
}

// Action keys of POST /server-groups/{id}/action (sdrs.md §1.7).
const (
	actionStart    = "start-server-group"
	actionStop     = "stop-server-group"
	actionFailover = "failover-server-group"
	actionReverse  = "reverse-server-group"
)

// actionPlan is what an action does to a group: the transitional status
// while its job runs, and the effects when the job succeeds or fails.
type actionPlan struct {
	jobType    string
	subJobType string
	during     string // group status while the job runs
	duringRepl string // replication status while the job runs
	success    func(g *protectionGroup)
	// servers applies the action to each created instance's servers when
	// the job succeeds, before success changes the production site.
	servers     func(inst *protectedInstance)
	afterStatus string // group and pair status after success
	afterRepl   string
	errorStatus string // group and pair status after a failure
	station     string // a planned failover's new production site
}

// parseAction decodes an action body: exactly one known action whose value
// is a JSON object.
func parseAction(body []byte) (name string, value json.RawMessage, e *apiError) {
	var actions map[string]json.RawMessage
	if err := json.Unmarshal(body, &actions); err != nil {
		return "", nil, sdrsError("SDRS.0201", "the body is not a JSON object: "+err.Error())
	}
	if len(actions) != 1 {
		return "", nil, sdrsError("SDRS.0201", "the body must hold exactly one action")
	}
	for k, v := range actions {
		name, value = k, v
	}
	if !slices.Contains([]string{actionStart, actionStop, actionFailover, actionReverse}, name) {
		return "", nil, sdrsError("SDRS.0206", strconv.Quote(name)+" is not start-server-group, stop-server-group, failover-server-group or reverse-server-group")
	}
	trimmed := bytes.TrimSpace(value)
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return "", nil, sdrsError("SDRS.0201", name+" must be a JSON object, such as {}")
	}
	return name, value, nil
}

// planAction checks the preconditions of an action on g and returns its
// plan, or the API's error.
func (a *API) planAction(g *protectionGroup, name string, value json.RawMessage) (*actionPlan, *apiError) {
	switch name {
	case actionStart:
		jobType := jobStart
		switch g.status {
		case statusAvailable, statusErrorStarting:
		case statusFailedOver, statusErrorReprotecting:
			if e := a.checkServersStopped(g, false, "SDRS.1342"); e != nil {
				return nil, e
			}
			jobType = jobReprotect
		default:
			return nil, sdrsError("SDRS.1021", "the protection group is "+g.status)
		}
		if e := a.needPairs(g, "enabling protection"); e != nil {
			return nil, e
		}
		return a.plan(jobType, ""), nil

	case actionStop:
		if g.status != statusProtected && g.status != statusErrorStopping {
			return nil, sdrsError("SDRS.1019", "the protection group is "+g.status)
		}
		return a.plan(jobStop, ""), nil

	case actionFailover:
		switch g.status {
		case statusProtected, statusErrorFailingOver, statusErrorReversing:
		default:
			return nil, sdrsError("SDRS.1022", "the protection group is "+g.status)
		}
		if e := a.needPairs(g, "a failover"); e != nil {
			return nil, e
		}
		return a.plan(jobFailover, ""), nil

	default: // actionReverse
		var params struct {
			PriorityStation *string `json:"priority_station"`
		}
		if err := json.Unmarshal(value, &params); err != nil {
			return nil, sdrsError("SDRS.0201", name+": "+err.Error())
		}
		station := conv.Deref(params.PriorityStation)
		if station != "source" && station != "target" {
			return nil, sdrsError("SDRS.0201", "priority_station must be source or target")
		}
		if g.status != statusProtected && g.status != statusErrorReversing {
			return nil, sdrsError("SDRS.1023", "the protection group is "+g.status)
		}
		if e := a.needPairs(g, "a planned failover"); e != nil {
			return nil, e
		}
		if station == g.priority {
			return nil, sdrsError("SDRS.0201", "the current production site is already "+station)
		}
		if e := a.checkServersStopped(g, true, "SDRS.1319"); e != nil {
			return nil, e
		}
		return a.plan(jobReverse, station), nil
	}
}

// plan returns the plan of an action's job of jobType (station is a
// planned failover's new production site), once its preconditions hold:
// for the job's submission and, after a restart with -state, to bind a job
// under way again.
func (a *API) plan(jobType, station string) *actionPlan {
	started := func(g *protectionGroup) { g.protectedStatus = conv.Ptr("started") }
	switch jobType {
	case jobStart:
		return &actionPlan{jobType: jobStart, subJobType: "startProtectionGroupRepNoCG",
			during: statusStarting, errorStatus: statusErrorStarting,
			duringRepl: replCopying, afterStatus: statusProtected, afterRepl: replActive, success: started}
	case jobReprotect:
		return &actionPlan{jobType: jobReprotect, subJobType: "reprotectProtectionGroupRepNoCG",
			during: statusReprotecting, errorStatus: statusErrorReprotecting, servers: a.reprotectServers,
			duringRepl: replCopying, afterStatus: statusProtected, afterRepl: replActive, success: started}
	case jobStop:
		return &actionPlan{jobType: jobStop, subJobType: "stopProtectionGroupRepNoCG",
			during: statusStopping, duringRepl: replActive, afterStatus: statusAvailable, afterRepl: replActiveStopped, errorStatus: statusErrorStopping,
			success: func(g *protectionGroup) { g.protectedStatus = conv.Ptr("stopped") }}
	case jobFailover:
		return &actionPlan{jobType: jobFailover, subJobType: "failoverProtectionGroupRepNoCG",
			during: statusFailingOver, duringRepl: replActive, afterStatus: statusFailedOver, afterRepl: replActiveStopped, errorStatus: statusErrorFailingOver,
			servers: a.failoverServers,
			success: func(g *protectionGroup) {
				g.priority = otherStation(g.priority)
				g.protectedStatus = conv.Ptr("stopped")
			}}
	}
	return &actionPlan{jobType: jobReverse, subJobType: "reverseProtectionGroupRepNoCG", station: station,
		during: statusReversing, duringRepl: replCopying, afterStatus: statusProtected, afterRepl: replActive, errorStatus: statusErrorReversing,
		servers: a.reverseServers, success: func(g *protectionGroup) { g.priority = station }}
}

// needPairs refuses an operation on a group without replication pairs
// (SDRS.1002), or with a pair that is being created or deleted (SDRS.1601),
// or a protected instance with a job under way (SDRS.1002).
func (a *API) needPairs(g *protectionGroup, operation string) *apiError {
	for _, inst := range a.instancesOf(g.id) {
		if !settledInstance(inst) {
			return sdrsError("SDRS.1002", "protected instance "+inst.id+" is "+inst.status)
		}
	}
	pairs := a.pairsOf(g.id)
	if len(pairs) == 0 {
		return sdrsError("SDRS.1002", operation+" needs replication pairs, and the protection group has none")
	}
	for _, p := range pairs {
		if p.status == pairCreating || p.status == pairDeleting || p.status == pairError || p.status == pairAttaching ||
			p.status == pairDetaching || p.status == pairExtending {
			return sdrsError("SDRS.1601", "replication pair "+p.id+" is "+p.status)
		}
	}
	return nil
}
