package manila

// availabilityZone is a Manila availability zone: the zones of the
// sandbox's share services.
type availabilityZone struct {
	id, name  string
	createdAt string
}

// availabilityZone returns the zone with this name or ID.
func (db *manilaDB) availabilityZone(ref string) (*availabilityZone, bool) {
	return db.zones.Find(func(z *availabilityZone) bool { return z.name == ref || z.id == ref })
}
