package astra

import (
	"net/http"

	"github.com/google/uuid"
)

// listBuckets serves GET …/topology/v1/buckets, which takes no query
// parameter at all (astra.md §12.1).
func (a *API) listBuckets(w http.ResponseWriter, _ *http.Request) *problem {
	return writeRows(w, bucketsType, bucketVersion, a.buckets.All(), a.viewBucket, listQuery{})
}

// createBucket serves POST …/topology/v1/buckets: 201 with the bucket
// "pending" and its Location. The credential must exist (400 problem 9);
// a bucket of the same provider, bucket name and server URL or storage
// account already exists: 409 problem 10 ("Bucket already exists",
// problem 57, is not listed for the path).
func (a *API) createBucket(w http.ResponseWriter, r *http.Request) *problem {
	obj, p := readObject(r, resourceMediaType(bucketType))
	if p != nil {
		return p
	}
	in, p := parseBucket(obj, bucketPostSchema)
	if p != nil {
		return p
	}
	credentialID, provider := *in.strs["credentialID"], *in.strs["provider"]
	if _, ok := a.credentials.Get(credentialID); !ok {
		return invalidFields(9, invalidItem{Name: "credentialID", Reason: "no credential has this ID"})
	}
	if other, ok := a.duplicateBucket(provider, in.params, ""); ok {
		return invalidFields(10, invalidItem{Name: "bucketParameters", Reason: "bucket " + other.id + " (" + other.name +
			") is already this provider's bucket at this address"})
	}
	now := a.now()
	b := &bucket{
		id: uuid.NewString(), name: in.params.bucketName(), version: in.version, credentialID: credentialID,
		provider: provider, params: in.params, op: a.begin("astra.bucket.create", 1, now),
		record: newRecord(stamp(now), in.metadata.labels),
	}
	if v := in.strs["name"]; v != nil {
		b.name = *v
	}
	a.buckets.Add(b)
	return writeCreated(w, r, bucketType, b.id, b.viewIn(bucketPending, []stateDetailBody{}))
}

// getBucket serves GET …/topology/v1/buckets/{id}; unknown: 404 problem 2.
func (a *API) getBucket(w http.ResponseWriter, r *http.Request) *problem {
	b, ok := a.buckets.Get(r.PathValue("bucket_id"))
	if !ok {
		return newProblem(2)
	}
	return writeResource(w, r, http.StatusOK, bucketType, a.viewBucket(b))
}

// updateBucket serves PUT …/topology/v1/buckets/{id}: 204, no body. name
// and credentialID change (a credential rotation, as actoolkit does it);
// the provider and bucketParameters may be sent back unchanged only (409
// problem 10: "You can't modify the bucket type"); state and stateDetails
// are read-only and ignored.
func (a *API) updateBucket(w http.ResponseWriter, r *http.Request) *problem {
	obj, p := readObject(r, resourceMediaType(bucketType))
	if p != nil {
		return p
	}
	in, p := parseBucket(obj, bucketPutSchema)
	if p != nil {
		return p
	}
	b, ok := a.buckets.Get(r.PathValue("bucket_id"))
	if !ok {
		return newProblem(1)
	}
	at := a.timestamp()
	return noContent(w, edit(b, func(next *bucket) *problem {
		switch v := in.strs["id"]; {
		case v != nil && *v != next.id:
			return idMismatch()
		case in.strs["provider"] != nil && *in.strs["provider"] != next.provider:
			return invalidFields(10, invalidItem{Name: "provider", Reason: "a bucket's provider cannot be changed"})
		case in.hasParams && !sameParams(in.params, next.params):
			return invalidFields(10, invalidItem{Name: "bucketParameters", Reason: "a bucket's parameters cannot be changed"})
		}
		if v := in.strs["credentialID"]; v != nil {
			if _, ok := a.credentials.Get(*v); !ok {
				return invalidFields(9, invalidItem{Name: "credentialID", Reason: "no credential has this ID"})
			}
			next.credentialID = *v
		}
		if v := in.strs["name"]; v != nil {
			next.name = *v
		}
		if in.metadata.hasLabels {
			next.labels = in.metadata.labels
		}
		next.touch(at)
		return nil
	}))
}

// deleteBucket serves DELETE …/topology/v1/buckets/{id}: 204, and the
// bucket is gone. A bucket in use (see bucketInUse) gives 403 problem 11:
// "Bucket in use", problem 83, is not listed for the path, whose only
// refusal is 11. The backups stored in a deleted bucket become "removed".
func (a *API) deleteBucket(w http.ResponseWriter, r *http.Request) *problem {
	id := r.PathValue("bucket_id")
	if _, ok := a.buckets.Get(id); !ok {
		return newProblem(1)
	}
	if why := a.bucketInUse(id); why != "" {
		return newProblem(11)
	}
	a.buckets.Remove(id)
	w.WriteHeader(http.StatusNoContent)
	return nil
}
