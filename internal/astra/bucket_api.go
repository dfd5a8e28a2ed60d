package astra

import (
	"context"
	"net/http"
	"net/url"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
)

const (
	bucketMediaType = "application/astra-bucket"
	bucketVersion   = "1.2"
	bucketsPath     = "topology/v1/buckets"
)

// Bucket states (astra.md §12.3).
const (
	BucketPending   = "pending"
	BucketAvailable = "available"
	BucketFailed    = "failed"
	BucketRemoved   = "removed"
)

// Bucket is the API's bucket resource (version 1.2): an object-store
// bucket that backups go to.
type Bucket struct {
	Type             string           `json:"type"`
	Version          string           `json:"version"`
	ID               string           `json:"id"`
	Name             string           `json:"name"`
	CredentialID     string           `json:"credentialID"`
	State            string           `json:"state"`
	StateDetails     []StateDetail    `json:"stateDetails,omitempty"`
	RetentionTime    *float64         `json:"retentionTime,omitempty"`
	Provider         string           `json:"provider"`
	BucketParameters BucketParameters `json:"bucketParameters"`
	Metadata         *Metadata        `json:"metadata,omitempty"`
}

// Message returns the state details as one line, for wait errors.
func (b *Bucket) Message() string {
	if b == nil {
		return ""
	}
	return detailsMessage(b.StateDetails)
}

// BucketParameters is one of S3, GCP and Azure.
type BucketParameters struct {
	S3    *S3BucketParameters    `json:"s3,omitempty"`
	GCP   *GCPBucketParameters   `json:"gcp,omitempty"`
	Azure *AzureBucketParameters `json:"azure,omitempty"`
}

// S3BucketParameters are those of every S3 provider.
type S3BucketParameters struct {
	ServerURL  string `json:"serverURL"`
	BucketName string `json:"bucketName"`
}

// GCPBucketParameters are those of gcp.
type GCPBucketParameters struct {
	BucketName string `json:"bucketName"`
}

// AzureBucketParameters are those of azure.
type AzureBucketParameters struct {
	StorageAccount string `json:"storageAccount"`
	BucketName     string `json:"bucketName"`
}

// BucketInput is what a new bucket needs.
type BucketInput struct {
	Name             string
	CredentialID     string
	Provider         string
	BucketParameters BucketParameters
}

// bucketWrite is the body of POST.
type bucketWrite struct {
	Type             string           `json:"type"`
	Version          string           `json:"version"`
	Name             string           `json:"name"`
	CredentialID     string           `json:"credentialID"`
	Provider         string           `json:"provider"`
	BucketParameters BucketParameters `json:"bucketParameters"`
}

// CreateBucket adds a bucket (POST, 201); it is pending while Astra
// Control discovers it.
func (c *Client) CreateBucket(ctx context.Context, in BucketInput) (*Bucket, error) {
	body := bucketWrite{Type: bucketMediaType, Version: bucketVersion, Name: in.Name, CredentialID: in.CredentialID,
		Provider: in.Provider, BucketParameters: in.BucketParameters}
	var out Bucket
	if err := c.do(ctx, request{method: http.MethodPost, path: bucketsPath, mediaType: bucketMediaType, body: body}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// GetBucket reads one bucket; a missing one gives apierr.NotFoundError.
func (c *Client) GetBucket(ctx context.Context, id string) (*Bucket, error) {
	var out Bucket
	if err := c.do(ctx, request{method: http.MethodGet, path: bucketsPath + "/" + url.PathEscape(id)}, &out); err != nil {
		return nil, apierr.NotFound("bucket", id, err)
	}
	return &out, nil
}

// ListBuckets lists every bucket: the API takes no query parameter on
// this collection (astra.md §12.1).
func (c *Client) ListBuckets(ctx context.Context) ([]Bucket, error) {
	var out struct {
		Items []Bucket `json:"items"`
	}
	if err := c.do(ctx, request{method: http.MethodGet, path: bucketsPath}, &out); err != nil {
		return nil, err
	}
	return out.Items, nil
}

// bucketUpdate is the body of PUT: the name and the credential.
type bucketUpdate struct {
	Type         string `json:"type"`
	Version      string `json:"version"`
	Name         string `json:"name"`
	CredentialID string `json:"credentialID"`
}

// UpdateBucket renames a bucket and sets its credential (PUT, 204).
func (c *Client) UpdateBucket(ctx context.Context, id, name, credentialID string) error {
	body := bucketUpdate{Type: bucketMediaType, Version: bucketVersion, Name: name, CredentialID: credentialID}
	err := c.do(ctx, request{method: http.MethodPut, path: bucketsPath + "/" + url.PathEscape(id), mediaType: bucketMediaType, body: body}, nil)
	return apierr.NotFound("bucket", id, err)
}

// DeleteBucket removes a bucket (DELETE, 204).
func (c *Client) DeleteBucket(ctx context.Context, id string) error {
	err := c.do(ctx, request{method: http.MethodDelete, path: bucketsPath + "/" + url.PathEscape(id)}, nil)
	return apierr.NotFound("bucket", id, err)
}
