package manila

import "net/http"

// listAvailabilityZones answers GET /os-availability-zone (2.0–2.6) and
// GET /availability-zones (2.7 on): every zone of the share services.
func (a *API) listAvailabilityZones(c *call) *fault {
	items := make([]object, 0, a.db.zones.Len())
	for _, z := range a.db.zones.All() {
		items = append(items, object{{"id", z.id}, {"name", z.name}, {"created_at", z.createdAt}, {"updated_at", nil}})
	}
	writeJSON(c.w, http.StatusOK, object{{"availability_zones", items}})
	return nil
}
