package astra

import (
	"net/http"

	"github.com/google/uuid"
)

// listHookSources serves GET …/core/v1/hookSources.
func (a *API) listHookSources(w http.ResponseWriter, r *http.Request) *problem {
	q, p := parseListQuery(r.URL.RawQuery)
	if p != nil {
		return p
	}
	return writeRows(w, hookSourcesType, hookSourceVersion, a.hookSources.All(), (*hookSource).view, q)
}

// createHookSource serves POST …/core/v1/hookSources: 201 with the new
// resource and its Location.
func (a *API) createHookSource(w http.ResponseWriter, r *http.Request) *problem {
	obj, p := readObject(r, resourceMediaType(hookSourceType))
	if p != nil {
		return p
	}
	in, p := parseHookSource(obj, hookSourcePostSchema)
	if p != nil {
		return p
	}
	h := &hookSource{
		id:          uuid.NewString(),
		name:        *in.name,
		sourceType:  *in.sourceType,
		description: in.description,
		record:      newRecord(a.timestamp(), in.metadata.labels),
	}
	h.setSource(*in.source)
	if p := a.addHookSource(h); p != nil {
		return p
	}
	return writeCreated(w, r, hookSourceType, h.id, h.view())
}

// getHookSource serves GET …/core/v1/hookSources/{id}. An unknown ID gives
// 404 problem 2, which is what the spec lists for single-resource GETs.
func (a *API) getHookSource(w http.ResponseWriter, r *http.Request) *problem {
	h, ok := a.hookSources.Get(r.PathValue("hookSource_id"))
	if !ok {
		return newProblem(2)
	}
	return writeResource(w, r, http.StatusOK, hookSourceType, h.view())
}

// updateHookSource serves PUT …/core/v1/hookSources/{id}: 204, no body.
//
// The body is checked first (problems 7, 8, 9), then the target (404
// problem 1, 403 problem 71), then conflicts (409 problem 10). Fields absent
// from the body keep their stored values: the spec's own PUT example sends
// neither name nor sourceType, which the resource requires, so "replaces the
// entire stored resource" cannot be meant literally. To clear the
// description, send "". The read-only fields (private, preloaded,
// sourceMD5Checksum) are ignored; an id other than the path's is a conflict.
func (a *API) updateHookSource(w http.ResponseWriter, r *http.Request) *problem {
	obj, p := readObject(r, resourceMediaType(hookSourceType))
	if p != nil {
		return p
	}
	in, p := parseHookSource(obj, hookSourcePutSchema)
	if p != nil {
		return p
	}
	id := r.PathValue("hookSource_id")
	now := a.timestamp()
	p = a.editHookSource(id, func(h *hookSource) *problem {
		if in.id != nil && *in.id != id {
			return idMismatch()
		}
		if in.name != nil {
			h.name = *in.name
		}
		if in.sourceType != nil {
			h.sourceType = *in.sourceType
		}
		if in.source != nil {
			h.setSource(*in.source)
		}
		if in.description != nil {
			h.description = in.description
		}
		if in.metadata.hasLabels {
			h.labels = in.metadata.labels
		}
		h.touch(now)
		return nil
	})
	return noContent(w, p)
}

// deleteHookSource serves DELETE …/core/v1/hookSources/{id}: 204.
func (a *API) deleteHookSource(w http.ResponseWriter, r *http.Request) *problem {
	return noContent(w, a.removeHookSource(r.PathValue("hookSource_id")))
}
