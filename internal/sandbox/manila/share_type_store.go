package manila

// shareType is a Manila share type.
type shareType struct {
	id, name   string
	extraSpecs map[string]string
	isPublic   bool
}

// dhss reports the driver_handles_share_servers extra spec as Manila reads it.
func (t *shareType) dhss() bool { return boolFromString(t.extraSpecs["driver_handles_share_servers"]) }

// shareType returns the share type with this ID.
func (db *manilaDB) shareType(id string) (*shareType, bool) { return db.shareTypes.Get(id) }

// defaultShareType is the share type named by default_share_type: the
// fixture "default".
func (db *manilaDB) defaultShareType() *shareType {
	t, _ := db.shareTypes.Get(ShareTypeDefaultID)
	return t
}
