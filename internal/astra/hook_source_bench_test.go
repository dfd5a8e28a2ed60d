package astra_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/astra"
)

// BenchmarkHookSourceLifecycle measures one create, read, update and delete
// of a hook source through the client, the transport and the sandbox.
func BenchmarkHookSourceLifecycle(b *testing.B) {
	client := acctest.AstraClient(b)
	ctx := context.Background()
	in := astra.HookSourceInput{Source: "ZWNobyBoaQo="}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		in.Name = fmt.Sprintf("bench-%d-%s", i, acctest.RandomName("h"))
		h, err := client.CreateHookSource(ctx, in)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := client.GetHookSource(ctx, h.ID); err != nil {
			b.Fatal(err)
		}
		in.Description = "updated"
		if err := client.UpdateHookSource(ctx, h.ID, in); err != nil {
			b.Fatal(err)
		}
		if err := client.DeleteHookSource(ctx, h.ID); err != nil {
			b.Fatal(err)
		}
	}
}
