package astra

// Bucket constants of the spec (bucket_1.2_*, astra.md §12).
const (
	bucketType    = "application/astra-bucket"
	bucketsType   = "application/astra-buckets"
	bucketVersion = "1.2"
)

// bucketBody is bucket_1.2_get_response_body, fields in the spec's order.
type bucketBody struct {
	Type             string            `json:"type"`
	Version          string            `json:"version"`
	ID               string            `json:"id"`
	Name             string            `json:"name"`
	CredentialID     string            `json:"credentialID"`
	State            string            `json:"state"`
	StateDetails     []stateDetailBody `json:"stateDetails"`
	Provider         string            `json:"provider"`
	BucketParameters bucketParams      `json:"bucketParameters"`
	Metadata         metadata          `json:"metadata"`
}

// viewBucket renders b in its current state, and reports the end of its
// discovery to the notice recorder.
func (a *API) viewBucket(b *bucket) any {
	a.observe(b.op, b.id)
	state, details := a.bucketState(b)
	return b.viewIn(state, details)
}

// viewIn renders b in state.
func (b *bucket) viewIn(state string, details []stateDetailBody) any {
	return bucketBody{
		Type: bucketType, Version: b.version, ID: b.id, Name: b.name, CredentialID: b.credentialID,
		State: state, StateDetails: details, Provider: b.provider, BucketParameters: b.params, Metadata: b.metadata(),
	}
}
