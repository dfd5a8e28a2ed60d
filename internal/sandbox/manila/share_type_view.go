package manila

// shareTypeView is the share type view at the request's microversion: the
// access attribute is os-share-type-access:is_public before 2.7; the
// description from 2.41 and is_default from 2.46 (manila-groups.md §1).
func (c *call) shareTypeView(st *shareType, isDefault bool) object {
	specs := make(object, 0, len(st.specs))
	for _, s := range st.specs {
		specs = append(specs, field{s.key, s.value})
	}
	public := "share_type_access:is_public"
	if c.version.less(v27) {
		public = "os-share-type-access:is_public"
	}
	o := object{
		{"required_extra_specs", object{{"driver_handles_share_servers", st.extraSpec("driver_handles_share_servers")}}},
		{"extra_specs", specs}, {public, st.isPublic}, {"id", st.id}, {"name", st.name},
	}
	if c.version.atLeast(v241) {
		o = append(o, field{"description", st.description})
	}
	if c.version.atLeast(v246) {
		o = append(o, field{"is_default", isDefault})
	}
	return o
}
