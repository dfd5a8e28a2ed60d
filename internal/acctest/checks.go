package acctest

import (
	"context"
	"encoding/base64"
	"fmt"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// ID captures the ID of a resource from a step's state, for a later
// step's PreConfig or check (changing the object behind Terraform's back).
type ID struct{ Value string }

// Capture returns a check that records the ID of the resource at addr.
func (i *ID) Capture(addr string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[addr]
		if !ok {
			return fmt.Errorf("%s not in state", addr)
		}
		i.Value = rs.Primary.ID
		return nil
	}
}

// Base64 returns s in standard base64, as the APIs take scripts.
func Base64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

// Finder reads one object by the ID of its resource in state; it returns
// an error for which apierr.IsNotFound is true once the object is gone.
type Finder func(ctx context.Context, id string) error

// CheckDestroyed is a CheckDestroy that fails while any resource of the
// given types still exists in the API, asking each type's finder.
func CheckDestroyed(finders map[string]Finder) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		for _, rs := range s.RootModule().Resources {
			find, ok := finders[rs.Type]
			if !ok {
				continue
			}
			err := find(context.Background(), rs.Primary.ID)
			if err == nil {
				return fmt.Errorf("%s %s still exists", rs.Type, rs.Primary.ID)
			}
			if !apierr.IsNotFound(err) {
				return fmt.Errorf("checking that %s %s is gone: %w", rs.Type, rs.Primary.ID, err)
			}
		}
		return nil
	}
}

// Find adapts a client's getter to a Finder.
func Find[T any](get func(ctx context.Context, id string) (T, error)) Finder {
	return func(ctx context.Context, id string) error {
		_, err := get(ctx, id)
		return err
	}
}

// RecentSeconds checks an age or lag (age_seconds, lag_seconds) of
// something the test made: at least 0, and less than an hour.
var RecentSeconds = knownvalue.Int64Func(func(v int64) error {
	if v < 0 || v >= 3600 {
		return fmt.Errorf("%d seconds, want something made by this test", v)
	}
	return nil
})
