package manila

// availabilityZone is a Manila availability zone: the zones of the
// sandbox's share services.
type availabilityZone struct {
	id, name  string
	createdAt string
}

// defaultZone is the zone of shares and groups made without one: the
// first (nova of the defaults).
func (db *manilaDB) defaultZone() string {
	if zones := db.zones.Rows(); len(zones) > 0 {
		return zones[0].name
	}
	return AvailabilityZone
}

// availabilityZone returns the zone with this name or ID.
func (db *manilaDB) availabilityZone(ref string) (*availabilityZone, bool) {
	return db.zones.Find(func(z *availabilityZone) bool { return z.name == ref || z.id == ref })
}
