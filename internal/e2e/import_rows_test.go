package e2e

import (
	"context"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// Every resource the provider registers has its row in importRows, so that
// a new resource cannot miss TestImportBlockGeneratesConfig.
func TestImportRowsCoverEveryResource(t *testing.T) {
	ctx := context.Background()
	p := provider.New("test")()
	registered := map[string]bool{}
	for _, newResource := range p.Resources(ctx) {
		var resp resource.MetadataResponse
		newResource().Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "continuity"}, &resp)
		registered[resp.TypeName] = true
		if _, ok := importRows[resp.TypeName]; !ok {
			t.Errorf("%s has no row in importRows (generate_config_test.go)", resp.TypeName)
		}
	}
	for typ := range importRows {
		if !registered[typ] {
			t.Errorf("importRows has %s, which the provider does not register", typ)
		}
	}
	if len(registered) == 0 {
		t.Fatal("the provider registers no resource")
	}
}
