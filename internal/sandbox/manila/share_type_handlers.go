package manila

import "net/http"

// listShareTypes answers GET /types under both of its historic keys.
func (a *API) listShareTypes(c *call) *fault {
	items := []object{}
	for _, st := range a.db.shareTypes.All() {
		if st.isPublic || c.tok.isAdmin() {
			items = append(items, c.shareTypeView(st, st.isDefault))
		}
	}
	writeJSON(c.w, http.StatusOK, object{{"share_types", items}, {"volume_types", items}})
	return nil
}

func (a *API) showShareType(c *call) *fault {
	st, ok := a.db.shareType(c.r.PathValue("id"))
	if !ok {
		return notFound("Share type not found.")
	}
	v := c.shareTypeView(st, st.isDefault)
	writeJSON(c.w, http.StatusOK, object{{"share_type", v}, {"volume_type", v}})
	return nil
}

func (a *API) showDefaultShareType(c *call) *fault {
	v := c.shareTypeView(a.db.defaultShareType(), true)
	writeJSON(c.w, http.StatusOK, object{{"share_type", v}, {"volume_type", v}})
	return nil
}
