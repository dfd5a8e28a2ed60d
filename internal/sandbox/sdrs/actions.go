package sdrs

import (
	"bytes"
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"time"
)

// Action keys of POST /server-groups/{id}/action (specs/sdrs.md §1.7).
const (
	actionStart    = "start-server-group"
	actionStop     = "stop-server-group"
	actionFailover = "failover-server-group"
	actionReverse  = "reverse-server-group"
)

// actionPlan is what an action does to a group: the transitional status
// while its job runs, and the effects when the job succeeds or fails.
type actionPlan struct {
	jobType     string
	subJobType  string
	failOp      string // the SANDBOX_FAIL_<op> marker that makes the job fail
	failCode    string
	during      string // group status while the job runs
	duringRepl  string // replication status while the job runs
	success     func(g *group)
	afterStatus string // group and pair status after success
	afterRepl   string
	errorStatus string // group and pair status after a failure
}

// groupAction checks the action's body and the group's preconditions
// synchronously, then submits the action's job.
func (a *API) groupAction(w http.ResponseWriter, r *http.Request, body []byte, now time.Time) *apiError {
	g, e := a.findGroup(r)
	if e != nil {
		return e
	}
	var actions map[string]json.RawMessage
	if err := json.Unmarshal(body, &actions); err != nil {
		return sdrsError("SDRS.0201", "the body is not a JSON object: "+err.Error())
	}
	if len(actions) != 1 {
		return sdrsError("SDRS.0201", "the body must hold exactly one action")
	}
	var name string
	var value json.RawMessage
	for k, v := range actions {
		name, value = k, v
	}
	if !slices.Contains([]string{actionStart, actionStop, actionFailover, actionReverse}, name) {
		return sdrsError("SDRS.0206", strconv.Quote(name)+" is not start-server-group, stop-server-group, failover-server-group or reverse-server-group")
	}
	trimmed := bytes.TrimSpace(value)
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return sdrsError("SDRS.0201", name+" must be a JSON object, such as {}")
	}
	plan, e := a.planAction(g, name, value)
	if e != nil {
		return e
	}
	a.runAction(g, plan, now)
	writeJSON(w, http.StatusOK, map[string]string{"job_id": g.job.id})
	return nil
}

// planAction checks the preconditions of an action on g and returns its
// plan, or the API's error.
func (a *API) planAction(g *group, name string, value json.RawMessage) (*actionPlan, *apiError) {
	switch name {
	case actionStart:
		var p *actionPlan
		switch g.status {
		case statusAvailable, statusErrorStarting:
			p = &actionPlan{jobType: jobStart, subJobType: "startProtectionGroupRepNoCG", failOp: "START", failCode: codeStartFailed,
				during: statusStarting, errorStatus: statusErrorStarting}
		case statusFailedOver, statusErrorReprotecting:
			p = &actionPlan{jobType: jobReprotect, subJobType: "reprotectProtectionGroupRepNoCG", failOp: "REPROTECT", failCode: codeReprotectFailed,
				during: statusReprotecting, errorStatus: statusErrorReprotecting}
		default:
			return nil, sdrsError("SDRS.1021", "the protection group is "+g.status)
		}
		if e := a.needPairs(g, "enabling protection"); e != nil {
			return nil, e
		}
		p.duringRepl, p.afterStatus, p.afterRepl = replCopying, statusProtected, replActive
		p.success = func(g *group) { g.protectedStatus = strPtr("started") }
		return p, nil

	case actionStop:
		if g.status != statusProtected && g.status != statusErrorStopping {
			return nil, sdrsError("SDRS.1019", "the protection group is "+g.status)
		}
		return &actionPlan{jobType: jobStop, subJobType: "stopProtectionGroupRepNoCG", failOp: "STOP", failCode: codeStopFailed,
			during: statusStopping, duringRepl: replActive, afterStatus: statusAvailable, afterRepl: replActiveStopped, errorStatus: statusErrorStopping,
			success: func(g *group) { g.protectedStatus = strPtr("stopped") }}, nil

	case actionFailover:
		switch g.status {
		case statusProtected, statusErrorFailingOver, statusErrorReversing:
		default:
			return nil, sdrsError("SDRS.1022", "the protection group is "+g.status)
		}
		if e := a.needPairs(g, "a failover"); e != nil {
			return nil, e
		}
		return &actionPlan{jobType: jobFailover, subJobType: "failoverProtectionGroupRepNoCG", failOp: "FAILOVER", failCode: codeFailoverFailed,
			during: statusFailingOver, duringRepl: replActive, afterStatus: statusFailedOver, afterRepl: replActiveStopped, errorStatus: statusErrorFailingOver,
			success: func(g *group) {
				g.priority = otherStation(g.priority)
				g.protectedStatus = strPtr("stopped")
			}}, nil

	default: // actionReverse
		var params struct {
			PriorityStation *string `json:"priority_station"`
		}
		if err := json.Unmarshal(value, &params); err != nil {
			return nil, sdrsError("SDRS.0201", name+": "+err.Error())
		}
		station := deref(params.PriorityStation)
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
		return &actionPlan{jobType: jobReverse, subJobType: "reverseProtectionGroupRepNoCG", failOp: "REVERSE", failCode: codeReverseFailed,
			during: statusReversing, duringRepl: replCopying, afterStatus: statusProtected, afterRepl: replActive, errorStatus: statusErrorReversing,
			success: func(g *group) { g.priority = station }}, nil
	}
}

// needPairs refuses an operation on a group without replication pairs
// (SDRS.1002), or with a pair that is being created or deleted (SDRS.1601).
func (a *API) needPairs(g *group, operation string) *apiError {
	pairs := a.pairsOf(g.id)
	if len(pairs) == 0 {
		return sdrsError("SDRS.1002", operation+" needs replication pairs, and the protection group has none")
	}
	for _, p := range pairs {
		if p.status == pairCreating || p.status == pairDeleting || p.status == pairError {
			return sdrsError("SDRS.1601", "replication pair "+p.id+" is "+p.status)
		}
	}
	return nil
}

func otherStation(s string) string {
	if s == "target" {
		return "source"
	}
	return "target"
}

// runAction moves the group and its pairs to the action's transitional
// status and submits its job, with one sub job per replication pair.
func (a *API) runAction(g *group, p *actionPlan, now time.Time) {
	failCode := ""
	if fails(g.description, p.failOp) {
		failCode = p.failCode
	}
	pairs := a.pairsOf(g.id)
	g.status, g.updatedAt = p.during, now
	g.replicationStatus = strPtr(p.duringRepl)
	for _, pr := range pairs {
		pr.status, pr.replicationStatus, pr.updatedAt = p.during, p.duringRepl, now
	}
	j := a.submit(now, p.jobType, map[string]string{"server_group_id": g.id}, failCode)
	j.subJobType = p.subJobType
	for range pairs {
		j.subJobIDs = append(j.subJobIDs, randomHex())
	}
	g.job = j
	j.onSuccess = func(t time.Time) {
		g.status, g.updatedAt, g.job = p.afterStatus, t, nil
		g.replicationStatus, g.healthStatus = strPtr(p.afterRepl), strPtr("normal")
		g.progress = 0
		if p.afterRepl == replActive {
			g.progress = 100
		}
		p.success(g)
		for _, pr := range a.pairsOf(g.id) {
			pr.status, pr.replicationStatus, pr.updatedAt = pairStatusAfter(p.afterStatus), p.afterRepl, t
		}
	}
	j.onFailure = func(t time.Time) {
		g.status, g.updatedAt, g.job = p.errorStatus, t, nil
		g.healthStatus = strPtr("abnormal")
		for _, pr := range a.pairsOf(g.id) {
			pr.status, pr.updatedAt = p.errorStatus, t
		}
	}
}

// pairStatusAfter maps a group's settled status to its pairs' status: a
// pair of an unprotected group is "available".
func pairStatusAfter(groupStatus string) string {
	if groupStatus == statusAvailable {
		return pairAvailable
	}
	return groupStatus
}
