package astra

import (
	"net/http"

	"github.com/google/uuid"
)

// timestampLayout renders type_astra_time with microseconds, like the
// spec examples.
const timestampLayout = "2006-01-02T15:04:05.000000Z"

// timestamp returns the current time as a type_astra_time.
func (a *API) timestamp() string {
	return a.now().UTC().Format(timestampLayout)
}

// listHookSources serves GET …/core/v1/hookSources.
func (a *API) listHookSources(w http.ResponseWriter, r *http.Request) *problem {
	q, p := parseListQuery(r.URL.RawQuery)
	if p != nil {
		return p
	}
	hooks := a.hooks.list()
	items := make([]listItem, 0, len(hooks))
	for _, h := range hooks {
		item, err := newListItem(h.body())
		if err != nil {
			return newProblem(34)
		}
		items = append(items, item)
	}
	return writeList(w, hookSourcesType, hookSourceVersion, items, q)
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
	now := a.timestamp()
	h := &hookSource{
		id:          uuid.NewString(),
		name:        *in.name,
		sourceType:  *in.sourceType,
		description: in.description,
		labels:      in.metadata.labels,
		createdAt:   now,
		modifiedAt:  now,
		createdBy:   UserID,
	}
	h.setSource(*in.source)
	if p := a.hooks.create(h); p != nil {
		return p
	}
	w.Header().Set("Location", requestBaseURL(r)+"/accounts/"+AccountID+"/core/v1/hookSources/"+h.id)
	return writeJSON(w, http.StatusCreated, negotiate(r, resourceMediaType(hookSourceType)), h.body())
}

// getHookSource serves GET …/core/v1/hookSources/{id}. An unknown ID gives
// 404 problem 2, which is what the spec lists for single-resource GETs.
func (a *API) getHookSource(w http.ResponseWriter, r *http.Request) *problem {
	h, ok := a.hooks.get(r.PathValue("hookSource_id"))
	if !ok {
		return newProblem(2)
	}
	return writeJSON(w, http.StatusOK, negotiate(r, resourceMediaType(hookSourceType)), h.body())
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
	p = a.hooks.update(id, func(h *hookSource) *problem {
		if in.id != nil && *in.id != id {
			return invalidFields(10, invalidItem{Name: "id", Reason: "must match the ID in the request URI"})
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
		h.modifiedAt = now
		h.modifiedBy = UserID
		return nil
	})
	if p != nil {
		return p
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// deleteHookSource serves DELETE …/core/v1/hookSources/{id}: 204.
func (a *API) deleteHookSource(w http.ResponseWriter, r *http.Request) *problem {
	if p := a.hooks.remove(r.PathValue("hookSource_id"), a.HookSourceReferenced); p != nil {
		return p
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
