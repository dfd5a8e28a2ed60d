package astra

import (
	"context"
	"encoding/base64"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// cloudCredentialModel is the continuity_astra_cloud_credential state.
// KeyStore is write-only: always null in the plan and the state, read from
// the configuration when a request needs it.
type cloudCredentialModel struct {
	ID              types.String   `tfsdk:"id"`
	Name            types.String   `tfsdk:"name"`
	KeyType         types.String   `tfsdk:"key_type"`
	KeyStore        types.Map      `tfsdk:"key_store_wo"`
	KeyStoreVersion types.Int64    `tfsdk:"key_store_wo_version"`
	Valid           types.Bool     `tfsdk:"valid"`
	Labels          types.Map      `tfsdk:"labels"`
	CreatedAt       types.String   `tfsdk:"created_at"`
	Timeouts        timeouts.Value `tfsdk:"timeouts"`
}

// toAPI returns the credential as POST and PUT send it, with keyStore,
// the configured key store in plain text, encoded in base64 for the API.
func (m cloudCredentialModel) toAPI(ctx context.Context, keyStore map[string]string, diags *diag.Diagnostics) CredentialInput {
	in := CredentialInput{Name: m.Name.ValueString(), KeyType: m.KeyType.ValueString(), Valid: m.Valid.ValueBool(),
		KeyStore: encodeKeyStore(keyStore)}
	if !m.Labels.IsNull() && !m.Labels.IsUnknown() {
		in.Labels = labelsFromMap(ctx, m.Labels, diags)
	}
	return in
}

// encodeKeyStore encodes each value of a plain-text key store in base64.
func encodeKeyStore(plain map[string]string) map[string]string {
	out := make(map[string]string, len(plain))
	for k, v := range plain {
		out[k] = base64.StdEncoding.EncodeToString([]byte(v))
	}
	return out
}

// keyStoreSecrets returns the values of a plain-text key store and their
// base64 forms: what must never reach a log.
func keyStoreSecrets(plain map[string]string) []string {
	var out []string
	for _, v := range plain {
		if v != "" {
			out = append(out, v, base64.StdEncoding.EncodeToString([]byte(v)))
		}
	}
	return out
}

// fromAPI sets every attribute the API returns; the key store never comes
// back.
func (m *cloudCredentialModel) fromAPI(c *Credential) {
	m.ID = types.StringValue(c.ID)
	m.Name = types.StringValue(c.Name)
	m.KeyType = optionalString(c.KeyType)
	if m.KeyType.IsNull() {
		// No keyType is "generic" (astra.md §11.2).
		m.KeyType = types.StringValue("generic")
	}
	m.Valid = types.BoolValue(c.Valid != "false")
	m.KeyStore = types.MapNull(types.StringType)
	m.Labels = types.MapValueMust(types.StringType, nil)
	m.CreatedAt = types.StringNull()
	if c.Metadata != nil {
		m.Labels = labelsToMap(c.Metadata.Labels)
		m.CreatedAt = optionalString(c.Metadata.CreationTimestamp)
	}
	if m.KeyStoreVersion.IsUnknown() {
		m.KeyStoreVersion = types.Int64Null()
	}
}

// labelsToMap renders metadata labels as a map (label names are unique in
// practice; the last of a repeated name wins).
func labelsToMap(labels []Label) types.Map {
	elems := map[string]string{}
	for _, l := range labels {
		elems[l.Name] = l.Value
	}
	v, _ := types.MapValueFrom(context.Background(), types.StringType, elems)
	return v
}

// labelsFromMap returns a labels map as metadata labels, sorted by name.
func labelsFromMap(ctx context.Context, m types.Map, diags *diag.Diagnostics) []Label {
	var elems map[string]string
	diags.Append(m.ElementsAs(ctx, &elems, false)...)
	names := make([]string, 0, len(elems))
	for k := range elems {
		names = append(names, k)
	}
	slices.Sort(names)
	out := make([]Label, 0, len(names))
	for _, k := range names {
		out = append(out, Label{Name: k, Value: elems[k]})
	}
	return out
}
