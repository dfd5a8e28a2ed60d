package astra

import (
	"slices"
	"strconv"
	"time"
)

// Bucket states (bucket_1.2 state, astra.md §12.3).
const (
	bucketPending   = "pending"
	bucketAvailable = "available"
	bucketFailed    = "failed"
	bucketRemoved   = "removed"
)

// bucketParams is a bucket's bucketParameters: one of s3, gcp and azure.
type bucketParams struct {
	S3    *s3Params    `json:"s3,omitempty"`
	GCP   *gcpParams   `json:"gcp,omitempty"`
	Azure *azureParams `json:"azure,omitempty"`
}

type s3Params struct {
	ServerURL  string `json:"serverURL"`
	BucketName string `json:"bucketName"`
}

type gcpParams struct {
	BucketName string `json:"bucketName"`
}

type azureParams struct {
	StorageAccount string `json:"storageAccount"`
	BucketName     string `json:"bucketName"`
}

// bucketName returns the name of the bucket in its object store.
func (p bucketParams) bucketName() string {
	switch {
	case p.S3 != nil:
		return p.S3.BucketName
	case p.GCP != nil:
		return p.GCP.BucketName
	case p.Azure != nil:
		return p.Azure.BucketName
	}
	return ""
}

// host returns the server URL or storage account the bucket is at.
func (p bucketParams) host() string {
	switch {
	case p.S3 != nil:
		return p.S3.ServerURL
	case p.Azure != nil:
		return p.Azure.StorageAccount
	}
	return ""
}

// bucket is a stored object-store bucket (application/astra-bucket 1.2).
// A new bucket is "pending" for one step while Astra Control discovers it,
// then "available", or "removed" while its credential is missing or not
// valid (and "available" again once a PUT gives it a usable one);
// fail=astra.bucket.create makes the discovery end "failed", for good.
// Deleting a bucket is synchronous.
type bucket struct {
	id           string
	name         string
	version      string // of the request that made it, echoed
	credentialID string
	provider     string
	params       bucketParams
	op           *transition // the discovery
	record
}

// bucketS3Providers are the providers whose bucketParameters are s3.
var bucketS3Providers = []string{"ontap-s3", "storagegrid-s3", "generic-s3", "aws"}

// bucketState returns the bucket's state and its explanation.
func (a *API) bucketState(b *bucket) (string, []stateDetailBody) {
	switch {
	case b.op.running():
		return bucketPending, []stateDetailBody{}
	case b.op.failed():
		return bucketFailed, []stateDetailBody{failureDetail(b.op, "Discovering the bucket")}
	}
	c, ok := a.credentials.Get(b.credentialID)
	switch {
	case !ok:
		return bucketRemoved, []stateDetailBody{{Type: sandboxDetailBase + "credentialNotFound", Title: "Bucket credential not found",
			Detail: "The credential " + b.credentialID + " of the bucket doesn't exist; give the bucket another credential."}}
	case !c.usable():
		return bucketRemoved, []stateDetailBody{{Type: sandboxDetailBase + "credentialNotValid", Title: "Bucket credential not valid",
			Detail: "The credential " + strconv.Quote(c.name) + " of the bucket is marked not valid; the bucket can't be reached."}}
	}
	return bucketAvailable, []stateDetailBody{}
}

// defaultBucket returns the bucket a snapshot or a backup without bucketID
// uses: the oldest bucket ("the first bucket that you create becomes the
// default bucket", astra.md §12.3). The sandbox does not emulate the
// cloud's defaultBucketID setting, so the next oldest bucket takes over
// when the default one is deleted, and nothing refuses deleting it.
func (a *API) defaultBucket() (*bucket, bool) {
	all := a.buckets.All()
	if len(all) == 0 {
		return nil, false
	}
	return all[0], true
}

// bucketInUse says why the bucket id cannot be deleted, or "": a schedule
// takes backups to it, or a backup to it is under way (astra.md §12.4).
func (a *API) bucketInUse(id string) string {
	if s, ok := a.appSchedules.Find(func(s *appSchedule) bool {
		return s.bucketID != nil && *s.bucketID == id && s.backupRetention != "0"
	}); ok {
		return "schedule " + strconv.Quote(s.name) + " of app " + s.appID + " takes backups to the bucket"
	}
	if b, ok := a.backups.Find(func(b *backup) bool { return b.bucketID == id && a.backupBusy(b) }); ok {
		return "backup " + strconv.Quote(b.name) + " to the bucket is under way"
	}
	return ""
}

// settleBuckets ends the discoveries whose time is up at now.
func (a *API) settleBuckets(now time.Time) {
	for _, b := range a.buckets.All() {
		if a.settleTransition(b.op, now) {
			b.modifiedAt = stamp(b.op.end)
		}
	}
}

// duplicateBucket returns a bucket of the same provider, object-store
// bucket name and server (or storage account) as p, other than exceptID.
func (a *API) duplicateBucket(provider string, p bucketParams, exceptID string) (*bucket, bool) {
	return a.buckets.Find(func(b *bucket) bool {
		return b.id != exceptID && b.provider == provider && b.params.bucketName() == p.bucketName() && b.params.host() == p.host()
	})
}

// paramsKind returns which bucketParameters member a provider takes.
func paramsKind(provider string) string {
	switch {
	case slices.Contains(bucketS3Providers, provider):
		return "s3"
	case provider == "gcp":
		return "gcp"
	}
	return "azure"
}
