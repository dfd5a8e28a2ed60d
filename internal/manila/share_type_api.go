package manila

import (
	"context"
	"encoding/json"
	"net/http"
)

// ShareType is a share type. The access flag is read under both of its
// names (os-share-type-access:is_public before 2.7, share_type_access:is_public
// after); gophercloud's sharetypes package reads only the first, which is
// why the lookups are written here.
type ShareType struct {
	ID         string            `json:"id"`
	Name       string            `json:"name"`
	ExtraSpecs map[string]string `json:"extra_specs"`
	IsPublic   bool              `json:"-"`
}

// UnmarshalJSON reads the access flag under either name.
func (t *ShareType) UnmarshalJSON(b []byte) error {
	type plain ShareType
	var v struct {
		plain
		Public    *bool          `json:"share_type_access:is_public"`
		OSPublic  *bool          `json:"os-share-type-access:is_public"`
		RawExtras map[string]any `json:"extra_specs"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*t = ShareType(v.plain)
	t.ExtraSpecs = map[string]string{}
	for k, x := range v.RawExtras {
		if s, ok := x.(string); ok {
			t.ExtraSpecs[k] = s
		} else {
			raw, _ := json.Marshal(x)
			t.ExtraSpecs[k] = string(raw)
		}
	}
	switch {
	case v.Public != nil:
		t.IsPublic = *v.Public
	case v.OSPublic != nil:
		t.IsPublic = *v.OSPublic
	}
	return nil
}

// ListShareTypes lists the share types visible to the project.
func (c *Client) ListShareTypes(ctx context.Context) ([]ShareType, error) {
	var out struct {
		Types []ShareType `json:"share_types"`
	}
	if err := c.do(ctx, call{method: http.MethodGet, path: []string{"types"}}, &out); err != nil {
		return nil, err
	}
	return out.Types, nil
}

// DefaultShareType returns the default share type; a server without one
// gives an apierr.NotFoundError.
func (c *Client) DefaultShareType(ctx context.Context) (*ShareType, error) {
	t, err := one[ShareType](ctx, c, call{method: http.MethodGet, path: []string{"types", "default"}}, "share_type")
	return t, apierrNotFound("default share type", "default", err)
}
