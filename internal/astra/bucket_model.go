package astra

import (
	"slices"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// bucketProviders are the bucket providers (bucket_1.2 provider).
var bucketProviders = []string{"ontap-s3", "storagegrid-s3", "generic-s3", "aws", "gcp", "azure"}

// s3BucketProviders take a server URL.
var s3BucketProviders = []string{"ontap-s3", "storagegrid-s3", "generic-s3", "aws"}

// bucketModel is the continuity_astra_bucket state.
type bucketModel struct {
	ID             types.String   `tfsdk:"id"`
	Name           types.String   `tfsdk:"name"`
	ObjectStore    types.String   `tfsdk:"object_store"`
	CredentialID   types.String   `tfsdk:"credential_id"`
	BucketName     types.String   `tfsdk:"bucket_name"`
	ServerURL      types.String   `tfsdk:"server_url"`
	StorageAccount types.String   `tfsdk:"storage_account"`
	State          types.String   `tfsdk:"state"`
	StateDetails   types.List     `tfsdk:"state_details"`
	CreatedAt      types.String   `tfsdk:"created_at"`
	Timeouts       timeouts.Value `tfsdk:"timeouts"`
}

// toAPI returns the bucket as POST sends it.
func (m bucketModel) toAPI() BucketInput {
	in := BucketInput{Name: m.Name.ValueString(), CredentialID: m.CredentialID.ValueString(), Provider: m.ObjectStore.ValueString()}
	switch p := m.ObjectStore.ValueString(); {
	case slices.Contains(s3BucketProviders, p):
		in.BucketParameters.S3 = &S3BucketParameters{ServerURL: m.ServerURL.ValueString(), BucketName: m.BucketName.ValueString()}
	case p == "gcp":
		in.BucketParameters.GCP = &GCPBucketParameters{BucketName: m.BucketName.ValueString()}
	default:
		in.BucketParameters.Azure = &AzureBucketParameters{StorageAccount: m.StorageAccount.ValueString(), BucketName: m.BucketName.ValueString()}
	}
	return in
}

// fromAPI sets every attribute the API returns.
func (m *bucketModel) fromAPI(b *Bucket) {
	m.ID = types.StringValue(b.ID)
	m.Name = types.StringValue(b.Name)
	m.ObjectStore = types.StringValue(b.Provider)
	m.CredentialID = types.StringValue(b.CredentialID)
	m.BucketName, m.ServerURL, m.StorageAccount = types.StringNull(), types.StringNull(), types.StringNull()
	switch p := b.BucketParameters; {
	case p.S3 != nil:
		m.BucketName, m.ServerURL = types.StringValue(p.S3.BucketName), types.StringValue(p.S3.ServerURL)
	case p.GCP != nil:
		m.BucketName = types.StringValue(p.GCP.BucketName)
	case p.Azure != nil:
		m.BucketName, m.StorageAccount = types.StringValue(p.Azure.BucketName), types.StringValue(p.Azure.StorageAccount)
	}
	m.State = types.StringValue(b.State)
	m.StateDetails = stateDetailsValue(b.StateDetails)
	m.CreatedAt = types.StringNull()
	if b.Metadata != nil {
		m.CreatedAt = optionalString(b.Metadata.CreationTimestamp)
	}
}
