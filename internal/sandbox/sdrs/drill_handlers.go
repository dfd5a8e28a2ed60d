package sdrs

import (
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/google/uuid"
)

// createDrill validates the request and submits a
// createDisasterRecoveryDrill job whose entities name the drill
// (disaster_recovery_drill_id, as the Huawei provider reads it, sdrs.md
// §14.2). A drill fails on purpose when its name holds
// SANDBOX_FAIL_CREATE (drills have no description).
func (a *API) createDrill(w http.ResponseWriter, _ *http.Request, body []byte, now time.Time) *apiError {
	req, e := decodeRequest[createDrillRequest](body, "disaster_recovery_drill")
	if e != nil {
		return e
	}
	g, v, e := a.checkCreateDrill(req)
	if e != nil {
		return e
	}
	d := &drill{id: uuid.NewString(), name: *req.Name, groupID: g.id, status: drillCreating, createdAt: now, updatedAt: now}
	if v == nil {
		vpcOfGroup, _ := a.vpcs.Get(g.sourceVPC)
		v = a.copyVPC(vpcOfGroup, "sdrs-drill-"+d.id[:8])
	}
	d.vpcID = v.id
	d.job = a.submitMarked(now, jobCreateDrill, d.id, map[string]string{"disaster_recovery_drill_id": d.id, "server_group_id": g.id}, &d.name)
	a.about(d.job, g.id, d.id, d.name)
	d.job.effect = jobEffect{drill: d, group: g}
	a.bind(d.job)
	a.drills.Add(d)
	writeJobID(w, d.job)
	return nil
}

// findDrill returns the drill in the path: SDRS.1900 for an ID that is not
// one, SDRS.1902 for a drill that does not exist.
func (a *API) findDrill(r *http.Request) (*drill, *apiError) {
	id := r.PathValue("disaster_recovery_drill_id")
	if !isUUID(id) {
		return nil, sdrsError("SDRS.1900", strconv.Quote(id)+" is not a DR drill ID")
	}
	return findRow(a.drills, r, "disaster_recovery_drill_id", "SDRS.1902")
}

func (a *API) getDrill(w http.ResponseWriter, r *http.Request, _ []byte, _ time.Time) *apiError {
	d, e := a.findDrill(r)
	if e != nil {
		return e
	}
	a.observe(d.job)
	writeJSON(w, http.StatusOK, map[string]any{"disaster_recovery_drill": drillViewOf(d)})
	return nil
}

func (a *API) listDrills(w http.ResponseWriter, r *http.Request, _ []byte, _ time.Time) *apiError {
	f, e := parseDrillQuery(r.URL.Query())
	if e != nil {
		return e
	}
	writeList(w, "disaster_recovery_drills", a.drills.Filter(f.matches), f.paging, func(d *drill) drillView {
		a.observe(d.job)
		return drillViewOf(d)
	})
	return nil
}

func (a *API) renameDrill(w http.ResponseWriter, r *http.Request, body []byte, now time.Time) *apiError {
	d, e := a.findDrill(r)
	if e != nil {
		return e
	}
	name, e := decodeName(body, "disaster_recovery_drill")
	if e != nil {
		return e
	}
	d.name, d.updatedAt = name, now
	writeJSON(w, http.StatusOK, map[string]any{"disaster_recovery_drill": drillViewOf(d)})
	return nil
}

// deleteDrill submits a deleteDisasterRecoveryDrill job: allowed from
// available, error and error-deleting (SDRS.1913, sdrs.md §14.4).
func (a *API) deleteDrill(w http.ResponseWriter, r *http.Request, _ []byte, now time.Time) *apiError {
	d, e := a.findDrill(r)
	if e != nil {
		return e
	}
	if !slices.Contains([]string{drillAvailable, drillError, drillErrorDeleting}, d.status) {
		return sdrsError("SDRS.1913", "the DR drill is "+d.status)
	}
	d.status, d.updatedAt = drillDeleting, now
	d.job = a.submitMarked(now, jobDeleteDrill, d.id, map[string]string{"disaster_recovery_drill_id": d.id}, &d.name)
	a.about(d.job, d.groupID, d.id, d.name)
	d.job.effect = jobEffect{drill: d}
	a.bind(d.job)
	writeJobID(w, d.job)
	return nil
}
