package manila

import (
	"encoding/json"
	"net/http"
	"slices"
)

// The metadata of shares (manila/api/v2/metadata.py): every call answers
// 200 (manila-groups.md §3.1).

// metadataShare returns the share of a metadata call.
func (a *API) metadataShare(c *call) (*share, *fault) {
	if s := a.db.share(c.tok, c.r.PathValue("id")); s != nil {
		return s, nil
	}
	return nil, notFound("share not found")
}

// metadataObject renders metadata as a JSON object.
func metadataObject(specs []spec) object {
	o := object{}
	for _, m := range specs {
		o = append(o, field{m.key, m.value})
	}
	return o
}

func (a *API) showShareMetadata(c *call) *fault {
	s, f := a.metadataShare(c)
	if f != nil {
		return f
	}
	writeJSON(c.w, http.StatusOK, object{{"metadata", metadataObject(s.metadata)}})
	return nil
}

// setShareMetadata is POST (merge) or PUT (replace) …/metadata.
func (a *API) setShareMetadata(replace bool) handler {
	return func(c *call) *fault {
		s, f := a.metadataShare(c)
		if f != nil {
			return f
		}
		var body map[string]json.RawMessage
		if json.Unmarshal(c.body, &body) != nil || body["metadata"] == nil {
			return badRequest("Malformed request body")
		}
		in := metadataOf(body["metadata"])
		if replace {
			s.metadata = in
		} else {
			for _, m := range in {
				s.metadata = setSpec(s.metadata, m.key, m.value)
			}
		}
		if s.metadata == nil {
			s.metadata = []spec{}
		}
		writeJSON(c.w, http.StatusOK, object{{"metadata", metadataObject(s.metadata)}})
		return nil
	}
}

func (a *API) showShareMetadatum(c *call) *fault {
	s, f := a.metadataShare(c)
	if f != nil {
		return f
	}
	key := c.r.PathValue("key")
	v, ok := specValue(s.metadata, key)
	if !ok {
		return notFound("Metadata item was not found")
	}
	writeJSON(c.w, http.StatusOK, object{{"meta", object{{key, v}}}})
	return nil
}

// setShareMetadatum is PUT …/metadata/{key} {"meta": {key: value}}.
func (a *API) setShareMetadatum(c *call) *fault {
	s, f := a.metadataShare(c)
	if f != nil {
		return f
	}
	key := c.r.PathValue("key")
	var body map[string]json.RawMessage
	if json.Unmarshal(c.body, &body) != nil || body["meta"] == nil {
		return badRequest("Malformed request body")
	}
	in := metadataOf(body["meta"])
	if len(in) != 1 || in[0].key != key {
		return badRequest("Request body and URI mismatch")
	}
	s.metadata = setSpec(s.metadata, key, in[0].value)
	writeJSON(c.w, http.StatusOK, object{{"meta", object{{key, in[0].value}}}})
	return nil
}

func (a *API) deleteShareMetadatum(c *call) *fault {
	s, f := a.metadataShare(c)
	if f != nil {
		return f
	}
	key := c.r.PathValue("key")
	i := slices.IndexFunc(s.metadata, func(m spec) bool { return m.key == key })
	if i < 0 {
		return notFound("Metadata item was not found")
	}
	s.metadata = slices.Delete(s.metadata, i, i+1)
	c.w.WriteHeader(http.StatusOK)
	return nil
}

// listExportLocations answers GET /shares/{id}/export_locations (2.9).
func (a *API) listExportLocations(c *call) *fault {
	id := c.r.PathValue("id")
	s := a.db.share(c.tok, id)
	if s == nil {
		return notFound("Share '" + id + "' not found.")
	}
	items := []object{}
	for _, el := range a.db.exportLocations(s, c) {
		items = append(items, c.exportLocationView(el, false))
	}
	writeJSON(c.w, http.StatusOK, object{{"export_locations", items}})
	return nil
}

// showExportLocation answers GET /shares/{id}/export_locations/{el}: an
// admin-only location is refused to others with a bare 403.
func (a *API) showExportLocation(c *call) *fault {
	id, elID := c.r.PathValue("id"), c.r.PathValue("el")
	s := a.db.share(c.tok, id)
	if s == nil {
		return notFound("Share '" + id + "' not found.")
	}
	admin := *c
	admin.tok = &token{roles: []role{roleAdmin}, projectID: c.tok.projectID}
	for _, el := range a.db.exportLocations(s, &admin) {
		if el.id != elID {
			continue
		}
		if el.adminOnly && !c.tok.isAdmin() {
			return newFault(http.StatusForbidden, msgForbidden)
		}
		writeJSON(c.w, http.StatusOK, object{{"export_location", c.exportLocationView(el, true)}})
		return nil
	}
	return notFound("Export location '" + elID + "' not found.")
}
