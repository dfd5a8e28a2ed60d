package astra

import (
	"net/http"

	"github.com/google/uuid"
)

// scheduleApp returns the app of the path, or problem n when it does not
// exist (2 for GETs and POST, 1 for PUT and DELETE, as the spec lists).
func (a *API) scheduleApp(r *http.Request, n int) (app, *problem) {
	ap, ok := a.topo.app(r.PathValue("app_id"))
	if !ok {
		return app{}, newProblem(n)
	}
	return ap, nil
}

// checkEligibility answers 409 problem 154 for an app that cannot have
// protection schedules (the destination of a replication that has not
// failed over, which is read-only), and 409 problem 153 for a replicating
// schedule of an app that cannot be replicated.
func checkEligibility(ap app, replicate bool) *problem {
	if ap.replicaOf != "" {
		return newProblem(154)
	}
	if replicate && !ap.replicable {
		return newProblem(153)
	}
	return nil
}

// listSchedules serves GET …/apps/{app_id}/schedules (include and limit).
func (a *API) listSchedules(w http.ResponseWriter, r *http.Request) *problem {
	ap, p := a.scheduleApp(r, 2)
	if p != nil {
		return p
	}
	q, p := parseListQuery(r.URL.RawQuery)
	if p != nil {
		return p
	}
	scheds := a.ops.schedules.list(ap.id)
	items := make([]listItem, 0, len(scheds))
	for _, sc := range scheds {
		item, err := newListItem(sc.body())
		if err != nil {
			return newProblem(34)
		}
		items = append(items, item)
	}
	return writeList(w, schedulesType, scheduleVersion, items, q)
}

// createSchedule serves POST …/apps/{app_id}/schedules: 201 with the new
// schedule and its Location.
func (a *API) createSchedule(w http.ResponseWriter, r *http.Request) *problem {
	ap, p := a.scheduleApp(r, 2)
	if p != nil {
		return p
	}
	obj, p := readObject(r, resourceMediaType(scheduleType))
	if p != nil {
		return p
	}
	in, p := parseSchedule(obj, schedulePostSchema, a.now())
	if p != nil {
		return p
	}
	now := a.timestamp()
	sc := &schedule{
		id:                uuid.NewString(),
		appID:             ap.id,
		name:              *in.get("name"),
		enabled:           in.get("enabled") == nil || *in.get("enabled") == "true",
		granularity:       *in.get("granularity"),
		snapshotRetention: *in.get("snapshotRetention"),
		backupRetention:   *in.get("backupRetention"),
		bucketID:          in.get("bucketID"),
		replicate:         in.get("replicate") != nil && *in.get("replicate") == "true",
		labels:            in.metadata.labels,
		createdAt:         now,
		modifiedAt:        now,
		createdBy:         UserID,
	}
	for _, key := range timingFields {
		*timingValue(sc, key) = in.get(key)
	}
	if p := checkTiming(sc); p != nil {
		return p
	}
	if p := checkEligibility(ap, sc.replicate); p != nil {
		return p
	}
	a.ops.schedules.create(sc)
	w.Header().Set("Location", requestBaseURL(r)+"/accounts/"+AccountID+"/k8s/v1/apps/"+ap.id+"/schedules/"+sc.id)
	return writeJSON(w, http.StatusCreated, negotiate(r, resourceMediaType(scheduleType)), sc.body())
}

// getSchedule serves GET of one schedule; unknown app or schedule: 404
// problem 2.
func (a *API) getSchedule(w http.ResponseWriter, r *http.Request) *problem {
	ap, p := a.scheduleApp(r, 2)
	if p != nil {
		return p
	}
	sc, ok := a.ops.schedules.get(ap.id, r.PathValue("schedule_id"))
	if !ok {
		return newProblem(2)
	}
	return writeJSON(w, http.StatusOK, negotiate(r, resourceMediaType(scheduleType)), sc.body())
}

// updateSchedule serves PUT of one schedule: 204, no body.
//
// Fields absent from the body keep their values, except that a change of
// granularity drops the stored timing fields the new granularity does not
// take (the spec's PUT example turns a monthly schedule into a daily one
// without sending dayOfMonth). The result must satisfy the granularity
// rules (problem 9). id cannot change (409 problem 10).
func (a *API) updateSchedule(w http.ResponseWriter, r *http.Request) *problem {
	ap, p := a.scheduleApp(r, 1)
	if p != nil {
		return p
	}
	obj, p := readObject(r, resourceMediaType(scheduleType))
	if p != nil {
		return p
	}
	in, p := parseSchedule(obj, schedulePutSchema, a.now())
	if p != nil {
		return p
	}
	id := r.PathValue("schedule_id")
	now := a.timestamp()
	p = a.ops.schedules.update(ap.id, id, func(sc *schedule) *problem {
		if v := in.get("id"); v != nil && *v != id {
			return invalidFields(10, invalidItem{Name: "id", Reason: "must match the ID in the request URI"})
		}
		if v := in.get("granularity"); v != nil && *v != sc.granularity {
			sc.granularity = *v
			for _, key := range timingFields {
				if in.get(key) == nil {
					*timingValue(sc, key) = nil
				}
			}
		}
		for _, key := range timingFields {
			if v := in.get(key); v != nil {
				*timingValue(sc, key) = v
			}
		}
		if v := in.get("name"); v != nil {
			sc.name = *v
		}
		if v := in.get("enabled"); v != nil {
			sc.enabled = *v == "true"
		}
		if v := in.get("replicate"); v != nil {
			sc.replicate = *v == "true"
		}
		if v := in.get("bucketID"); v != nil {
			sc.bucketID = v
		}
		sc.snapshotRetention = *in.get("snapshotRetention")
		sc.backupRetention = *in.get("backupRetention")
		if in.metadata.hasLabels {
			sc.labels = in.metadata.labels
		}
		if p := checkTiming(sc); p != nil {
			return p
		}
		// The spec lists only problem 10 for a PUT conflict (153 and 154
		// are POST's).
		if sc.replicate && !ap.replicable {
			return invalidFields(10, invalidItem{Name: "replicate", Reason: "the app isn't eligible for replication"})
		}
		sc.modifiedAt = now
		sc.modifiedBy = UserID
		return nil
	})
	if p != nil {
		return p
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// deleteSchedule serves DELETE of one schedule: 204; unknown: 404 problem 1.
func (a *API) deleteSchedule(w http.ResponseWriter, r *http.Request) *problem {
	ap, p := a.scheduleApp(r, 1)
	if p != nil {
		return p
	}
	if p := a.ops.schedules.remove(ap.id, r.PathValue("schedule_id")); p != nil {
		return p
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
