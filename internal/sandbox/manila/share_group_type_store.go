package manila

// shareGroupType is a share group type: the share types a group of it may
// hold, and its group specs (manila-groups.md §8).
type shareGroupType struct {
	id, name   string
	isPublic   bool
	shareTypes []string
	groupSpecs []spec
	isDefault  bool // the type default_share_group_type names
}

// shareGroupType returns the group type with this ID.
func (db *manilaDB) shareGroupType(id string) (*shareGroupType, bool) {
	return db.shareGroupTypes.Get(id)
}

// defaultShareGroupType is the type default_share_group_type names: the
// fixture "default".
func (db *manilaDB) defaultShareGroupType() *shareGroupType {
	t, _ := db.shareGroupTypes.Find(func(t *shareGroupType) bool { return t.isDefault })
	return t
}
