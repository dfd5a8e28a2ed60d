package deadline

import (
	"context"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func configured(create string) timeouts.Value {
	v := types.StringNull()
	if create != "" {
		v = types.StringValue(create)
	}
	return timeouts.Value{Object: types.ObjectValueMust(map[string]attr.Type{"create": types.StringType}, map[string]attr.Value{"create": v})}
}

func TestBoundUsesTheConfiguredTimeoutOrTheDefault(t *testing.T) {
	for name, tc := range map[string]struct {
		value string
		want  time.Duration
	}{"configured": {"90s", 90 * time.Second}, "default": {"", 7 * time.Minute}} {
		t.Run(name, func(t *testing.T) {
			var diags diag.Diagnostics
			start := time.Now()
			ctx, cancel, ok := Bound(context.Background(), configured(tc.value).Create, 7*time.Minute, &diags)
			defer cancel()
			dl, has := ctx.Deadline()
			if !ok || diags.HasError() || !has {
				t.Fatalf("ok=%v diags=%v deadline=%v", ok, diags, has)
			}
			// The deadline lies within [start+want, now+want].
			if dl.Before(start.Add(tc.want)) || dl.After(time.Now().Add(tc.want)) {
				t.Errorf("deadline %s after start, want %s", dl.Sub(start), tc.want)
			}
		})
	}
}

func TestBoundRefusesAnInvalidTimeout(t *testing.T) {
	var diags diag.Diagnostics
	parent := context.Background()
	ctx, cancel, ok := Bound(parent, configured("soon").Create, time.Minute, &diags)
	defer cancel()
	if ok || !diags.HasError() || ctx != parent {
		t.Fatalf("ok=%v diags=%v", ok, diags)
	}
}
