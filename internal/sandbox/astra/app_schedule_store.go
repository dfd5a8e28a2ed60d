package astra

// appSchedule is a stored protection schedule of an app. Optional fields
// are nil when absent.
type appSchedule struct {
	id                string
	appID             string
	name              string
	enabled           bool
	granularity       string
	minute            *string
	hour              *string
	dayOfWeek         *string
	dayOfMonth        *string
	recurrenceRule    *string
	snapshotRetention string
	backupRetention   string
	bucketID          *string
	replicate         bool
	record
}

// appSchedulesOf returns the schedules of the app, in creation order.
func (a *API) appSchedulesOf(appID string) []*appSchedule {
	return a.appSchedules.Filter(func(s *appSchedule) bool { return s.appID == appID })
}

// appScheduleOf returns the schedule id of the app.
func (a *API) appScheduleOf(appID, id string) (*appSchedule, bool) {
	return a.appSchedules.Find(func(s *appSchedule) bool { return s.id == id && s.appID == appID })
}

// checkEligibility answers 409 problem 154 for an app that cannot have
// protection schedules (the destination of a replication that has not
// failed over, which is read-only), and 409 problem 153 for a replicating
// schedule of an app that cannot be replicated.
func checkEligibility(x *app, replicate bool) *problem {
	if x.replicaOf != "" {
		return newProblem(154)
	}
	if replicate && !x.replicable {
		return newProblem(153)
	}
	return nil
}

// editAppSchedule applies change to the schedule id of the app: 404
// problem 1 when unknown; change may refuse with a problem, and then
// nothing is stored.
func (a *API) editAppSchedule(appID, id string, change func(*appSchedule) *problem) *problem {
	s, ok := a.appScheduleOf(appID, id)
	if !ok {
		return newProblem(1)
	}
	return edit(s, change)
}

// removeAppSchedule deletes the schedule id of the app: 404 problem 1 when
// unknown.
func (a *API) removeAppSchedule(appID, id string) *problem {
	if _, ok := a.appScheduleOf(appID, id); !ok {
		return newProblem(1)
	}
	a.appSchedules.Remove(id)
	return nil
}
