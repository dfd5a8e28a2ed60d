package astra

import (
	"net/http"

	"github.com/google/uuid"
)

// scheduledApp returns the app of the path, or problem n when it does not
// exist (2 for GETs and POST, 1 for PUT and DELETE, as the spec lists).
func (a *API) scheduledApp(r *http.Request, n int) (*app, *problem) {
	x, ok := a.apps.Get(r.PathValue("app_id"))
	if !ok {
		return nil, newProblem(n)
	}
	return x, nil
}

// listAppSchedules serves GET …/apps/{app_id}/schedules (include and limit).
func (a *API) listAppSchedules(w http.ResponseWriter, r *http.Request) *problem {
	x, p := a.scheduledApp(r, 2)
	if p != nil {
		return p
	}
	q, p := parseListQuery(r.URL.RawQuery)
	if p != nil {
		return p
	}
	return writeRows(w, appSchedulesType, appScheduleVersion, a.appSchedulesOf(x.id), (*appSchedule).view, q)
}

// createAppSchedule serves POST …/apps/{app_id}/schedules: 201 with the
// new schedule and its Location.
func (a *API) createAppSchedule(w http.ResponseWriter, r *http.Request) *problem {
	x, p := a.scheduledApp(r, 2)
	if p != nil {
		return p
	}
	obj, p := readObject(r, resourceMediaType(appScheduleType))
	if p != nil {
		return p
	}
	in, p := parseAppSchedule(obj, appSchedulePostSchema, a.now())
	if p != nil {
		return p
	}
	s := &appSchedule{
		id:                uuid.NewString(),
		appID:             x.id,
		name:              *in.get("name"),
		enabled:           in.get("enabled") == nil || *in.get("enabled") == "true",
		granularity:       *in.get("granularity"),
		snapshotRetention: *in.get("snapshotRetention"),
		backupRetention:   *in.get("backupRetention"),
		bucketID:          in.get("bucketID"),
		replicate:         in.get("replicate") != nil && *in.get("replicate") == "true",
		record:            newRecord(a.timestamp(), in.metadata.labels),
	}
	for _, key := range timingFields {
		*timingValue(s, key) = in.get(key)
	}
	if p := checkTiming(s); p != nil {
		return p
	}
	if p := checkEligibility(x, s.replicate); p != nil {
		return p
	}
	a.appSchedules.Add(s)
	return writeCreated(w, r, appScheduleType, s.id, s.view())
}

// getAppSchedule serves GET of one schedule; unknown app or schedule: 404
// problem 2.
func (a *API) getAppSchedule(w http.ResponseWriter, r *http.Request) *problem {
	x, p := a.scheduledApp(r, 2)
	if p != nil {
		return p
	}
	s, ok := a.appScheduleOf(x.id, r.PathValue("schedule_id"))
	if !ok {
		return newProblem(2)
	}
	return writeResource(w, r, http.StatusOK, appScheduleType, s.view())
}

// updateAppSchedule serves PUT of one schedule: 204, no body.
//
// Fields absent from the body keep their values, except that a change of
// granularity drops the stored timing fields the new granularity does not
// take (the spec's PUT example turns a monthly schedule into a daily one
// without sending dayOfMonth). The result must satisfy the granularity
// rules (problem 9). id cannot change (409 problem 10).
func (a *API) updateAppSchedule(w http.ResponseWriter, r *http.Request) *problem {
	x, p := a.scheduledApp(r, 1)
	if p != nil {
		return p
	}
	obj, p := readObject(r, resourceMediaType(appScheduleType))
	if p != nil {
		return p
	}
	in, p := parseAppSchedule(obj, appSchedulePutSchema, a.now())
	if p != nil {
		return p
	}
	id := r.PathValue("schedule_id")
	now := a.timestamp()
	p = a.editAppSchedule(x.id, id, func(s *appSchedule) *problem {
		if v := in.get("id"); v != nil && *v != id {
			return idMismatch()
		}
		in.applyTo(s)
		if p := checkTiming(s); p != nil {
			return p
		}
		// The spec lists only problem 10 for a PUT conflict (153 and 154
		// are POST's).
		if s.replicate && !x.replicable {
			return invalidFields(10, invalidItem{Name: "replicate", Reason: "the app isn't eligible for replication"})
		}
		s.touch(now)
		return nil
	})
	return noContent(w, p)
}

// deleteAppSchedule serves DELETE of one schedule: 204; unknown: 404
// problem 1.
func (a *API) deleteAppSchedule(w http.ResponseWriter, r *http.Request) *problem {
	x, p := a.scheduledApp(r, 1)
	if p != nil {
		return p
	}
	return noContent(w, a.removeAppSchedule(x.id, r.PathValue("schedule_id")))
}
