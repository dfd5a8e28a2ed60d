package manila

import "net/http"

// shareGroupTypeView is a share group type (manila/api/views/
// share_group_types.py): is_default from 2.46.
func (c *call) shareGroupTypeView(t *shareGroupType) object {
	specs := object{}
	for _, s := range t.groupSpecs {
		specs = append(specs, field{s.key, s.value})
	}
	o := object{{"is_public", t.isPublic}, {"group_specs", specs}, {"share_types", t.shareTypes}, {"id", t.id}, {"name", t.name}}
	if c.version.atLeast(v246) {
		o = append(o, field{"is_default", t.isDefault})
	}
	return o
}

// listShareGroupTypes lists the public group types (every one for an
// admin); the group_specs filter needs 2.66.
func (a *API) listShareGroupTypes(c *call) *fault {
	if c.query().Has("group_specs") && c.version.less(mustVersion("2.66")) {
		return badRequest("Filter by 'group_specs' is not supported by this microversion. Use 2.66 or greater microversion to be able " +
			"to use filter search by 'group_specs.")
	}
	items := []object{}
	for _, t := range a.db.shareGroupTypes.All() {
		if t.isPublic || c.tok.isAdmin() {
			items = append(items, c.shareGroupTypeView(t))
		}
	}
	writeJSON(c.w, http.StatusOK, object{{"share_group_types", items}})
	return nil
}

func (a *API) showShareGroupType(c *call) *fault {
	id := c.r.PathValue("id")
	t, ok := a.db.shareGroupType(id)
	if !ok {
		return notFound("Share group type with id " + id + " not found.")
	}
	writeJSON(c.w, http.StatusOK, object{{"share_group_type", c.shareGroupTypeView(t)}})
	return nil
}

func (a *API) showDefaultShareGroupType(c *call) *fault {
	writeJSON(c.w, http.StatusOK, object{{"share_group_type", c.shareGroupTypeView(a.db.defaultShareGroupType())}})
	return nil
}
