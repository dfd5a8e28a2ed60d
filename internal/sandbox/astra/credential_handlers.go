package astra

import (
	"net/http"

	"github.com/google/uuid"
)

// listCredentials serves GET …/core/v1/credentials (continue, filter,
// include, limit, orderBy).
func (a *API) listCredentials(w http.ResponseWriter, r *http.Request) *problem {
	items, p := listItems(a.credentials.All(), (*credential).view)
	if p != nil {
		return p
	}
	return writePagedList(w, r.URL.RawQuery, credentialsType, credentialVersion, items, credentialFields)
}

// createCredential serves POST …/core/v1/credentials: 201 with the new
// credential (without its keyStore) and its Location. Names need not be
// unique (actoolkit names bucket credentials after their bucket).
func (a *API) createCredential(w http.ResponseWriter, r *http.Request) *problem {
	obj, p := readObject(r, resourceMediaType(credentialType))
	if p != nil {
		return p
	}
	in, p := parseCredential(obj, credentialPostSchema)
	if p != nil {
		return p
	}
	c := &credential{
		id: uuid.NewString(), name: *in.strs["name"], version: in.version, keyStore: in.keyStore,
		valid: in.strs["valid"] == nil || *in.strs["valid"] == "true", validFrom: in.strs["validFromTimestamp"],
		validUntil: in.strs["validUntilTimestamp"], record: newRecord(a.timestamp(), in.metadata.labels),
	}
	if v := in.strs["keyType"]; v != nil {
		c.keyType = *v
	}
	a.credentials.Add(c)
	return writeCreated(w, r, credentialType, c.id, c.view())
}

// getCredential serves GET …/core/v1/credentials/{id}; unknown: 404
// problem 2.
func (a *API) getCredential(w http.ResponseWriter, r *http.Request) *problem {
	c, ok := a.credentials.Get(r.PathValue("credential_id"))
	if !ok {
		return newProblem(2)
	}
	return writeResource(w, r, http.StatusOK, credentialType, c.view())
}

// updateCredential serves PUT …/core/v1/credentials/{id}: 204, no body. An
// unknown credential gives 404 problem 1, as every other PUT of this API:
// the spec lists no 404 for this path, but has no other answer for it.
func (a *API) updateCredential(w http.ResponseWriter, r *http.Request) *problem {
	obj, p := readObject(r, resourceMediaType(credentialType))
	if p != nil {
		return p
	}
	in, p := parseCredential(obj, credentialPutSchema)
	if p != nil {
		return p
	}
	c, ok := a.credentials.Get(r.PathValue("credential_id"))
	if !ok {
		return newProblem(1)
	}
	at := a.timestamp()
	return noContent(w, edit(c, func(next *credential) *problem { return applyCredentialPut(next, in, at) }))
}

// deleteCredential serves DELETE …/core/v1/credentials/{id}: 204. As the
// spec says, nothing checks whether a bucket relies on it: such buckets
// become "removed" (not accessible) until a PUT gives them another
// credential.
func (a *API) deleteCredential(w http.ResponseWriter, r *http.Request) *problem {
	if !a.credentials.Remove(r.PathValue("credential_id")) {
		return newProblem(1)
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
