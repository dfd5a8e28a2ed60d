package manila

// spec is one extra spec of a share type, or one group spec of a share
// group type: kept in order, so that views read the same on every call.
type spec struct{ key, value string }

// specValue returns the value of key in specs.
func specValue(specs []spec, key string) (string, bool) {
	for _, s := range specs {
		if s.key == key {
			return s.value, true
		}
	}
	return "", false
}

// shareType is a Manila share type.
type shareType struct {
	id, name    string
	description string
	specs       []spec
	isPublic    bool
	isDefault   bool // the type default_share_type names
}

// extraSpec returns one extra spec ("" when absent).
func (t *shareType) extraSpec(key string) string {
	v, _ := specValue(t.specs, key)
	return v
}

// dhss reports the driver_handles_share_servers extra spec as Manila reads it.
func (t *shareType) dhss() bool { return boolFromString(t.extraSpec("driver_handles_share_servers")) }

// capability reports a capability extra spec, false when absent
// (constants.ExtraSpecs.INFERRED_OPTIONAL_MAP, manila-groups.md §3.3).
func (t *shareType) capability(key string) bool { return boolFromString(t.extraSpec(key)) }

// replicationType is the replication_type extra spec, nil when absent.
func (t *shareType) replicationType() *string {
	if v, ok := specValue(t.specs, "replication_type"); ok {
		return &v
	}
	return nil
}

// shareType returns the share type with this ID.
func (db *manilaDB) shareType(id string) (*shareType, bool) { return db.shareTypes.Get(id) }

// shareTypeByRef returns the share type a creation names, by ID or by name.
func (db *manilaDB) shareTypeByRef(ref string) (*shareType, bool) {
	if t, ok := db.shareTypes.Get(ref); ok {
		return t, true
	}
	return db.shareTypes.Find(func(t *shareType) bool { return t.name == ref })
}

// defaultShareType is the share type named by default_share_type: the
// fixture "default".
func (db *manilaDB) defaultShareType() *shareType {
	t, _ := db.shareTypes.Find(func(t *shareType) bool { return t.isDefault })
	return t
}
