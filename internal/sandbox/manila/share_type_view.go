package manila

// shareTypeView is the share type view at the request's microversion: the
// access attribute is os-share-type-access:is_public before 2.7.
func (c *call) shareTypeView(st *shareType) object {
	specs := make(object, 0, len(st.extraSpecs))
	for _, k := range []string{"driver_handles_share_servers", "snapshot_support"} {
		if v, ok := st.extraSpecs[k]; ok {
			specs = append(specs, field{k, v})
		}
	}
	public := "share_type_access:is_public"
	if c.version.less(v27) {
		public = "os-share-type-access:is_public"
	}
	return object{
		{"required_extra_specs", object{{"driver_handles_share_servers", st.extraSpecs["driver_handles_share_servers"]}}},
		{"extra_specs", specs}, {public, st.isPublic}, {"id", st.id}, {"name", st.name},
	}
}
