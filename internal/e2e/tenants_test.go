package e2e

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox"
)

// tenantConfig is what a CI job of each tenant applies: a hook source, a
// protection group and a consistency group with fixed names (the same in
// every tenant), then each kind listed by that name through the API.
const tenantConfig = Required + `
variable "vpc_id" { type = string }

resource "continuity_astra_hook_source" "same" {
  name    = "same-hook"
  content = "#!/bin/sh\necho tenant\n"
}

data "continuity_sdrs_domain" "this" {}

resource "continuity_sdrs_protection_group" "same" {
  name                     = "same-group"
  source_availability_zone = data.continuity_sdrs_domain.this.local_availability_zone
  target_availability_zone = data.continuity_sdrs_domain.this.remote_availability_zone
  domain_id                = data.continuity_sdrs_domain.this.id
  source_vpc_id            = var.vpc_id
}

data "continuity_manila_share_type" "gold" {
  name = "gold"
}

resource "continuity_manila_consistency_group" "same" {
  name        = "same-cg"
  share_types = [data.continuity_manila_share_type.gold.id]
}

data "continuity_astra_hook_sources" "same" {
  filter     = "name eq 'same-hook'"
  depends_on = [continuity_astra_hook_source.same]
}

data "continuity_sdrs_protection_groups" "same" {
  name       = "same-group"
  depends_on = [continuity_sdrs_protection_group.same]
}

data "continuity_manila_consistency_groups" "same" {
  name       = "same-cg"
  depends_on = [continuity_manila_consistency_group.same]
}

output "listed" {
  value = {
    "continuity_astra_hook_source.same"        = data.continuity_astra_hook_sources.same.ids
    "continuity_sdrs_protection_group.same"    = data.continuity_sdrs_protection_groups.same.ids
    "continuity_manila_consistency_group.same" = data.continuity_manila_consistency_groups.same.ids
  }
}
`

// tenantKinds maps the configuration's resources to the sandbox's kinds.
var tenantKinds = map[string]string{
	"continuity_astra_hook_source.same":        "astra.hook_source",
	"continuity_sdrs_protection_group.same":    "sdrs.protection_group",
	"continuity_manila_consistency_group.same": "manila.consistency_group",
}

// TestTenantsShareOneSandbox is two CI jobs sharing one sandbox: each
// creates a tenant with POST /_sandbox/tenants, runs terraform with the
// tenant's variables in its environment (as `eval` of the answer's env
// gives them) and applies the same configuration. The same names do not
// conflict; once both exist, each tenant lists only its own objects, the
// sandbox holds exactly the state's objects in each tenant and none in the
// default tenant; plans are empty; destroy empties both.
func TestTenantsShareOneSandbox(t *testing.T) {
	h := Build(t)
	env := acctest.StartSandbox(t, sandbox.Options{Transition: 100 * time.Millisecond})
	base := env["HW_SDRS_ENDPOINT"]
	jobs := map[string]*Workdir{}
	for _, name := range []string{"ci-a", "ci-b"} {
		vars := acctest.NewTenant(t, base, name)
		vars["TF_VAR_vpc_id"] = vars["CONTINUITY_SANDBOX_SDRS_VPC_ID"]
		w := h.NewWorkdir(t, tenantConfig, vars)
		w.Init()
		w.MustRun("apply", "-auto-approve", "-input=false")
		jobs[name] = w
	}
	for name, w := range jobs {
		// Applied again once both tenants hold their objects: the lists
		// are read anew and change nothing.
		w.MustRun("apply", "-auto-approve", "-input=false")
		var listed map[string][]string
		if err := json.Unmarshal([]byte(w.MustRun("output", "-json", "listed")), &listed); err != nil {
			t.Fatal(err)
		}
		resources := w.Resources()
		held := acctest.TenantObjects(t, base, name)
		for addr, kind := range tenantKinds {
			id, _ := resources[addr].AttributeValues["id"].(string)
			if got := listed[addr]; len(got) != 1 || got[0] != id {
				t.Errorf("%s lists %v for %s, want only its own %s", name, got, addr, id)
			}
			if got := held[kind]; len(got) != 1 || got[0].ID != id {
				t.Errorf("%s holds %v of %s, want only %s", name, got, kind, id)
			}
		}
		if changes := changed(w.Plan()); len(changes) > 0 {
			t.Errorf("%s: the plan after apply changes %v", name, changes)
		}
	}
	for kind, objects := range acctest.TenantObjects(t, base, "") {
		t.Errorf("the default tenant holds %s %v", kind, objects)
	}
	for name, w := range jobs {
		w.MustRun("destroy", "-auto-approve", "-input=false")
		if held := acctest.TenantObjects(t, base, name); len(held) > 0 {
			t.Errorf("%s holds %v after destroy", name, held)
		}
	}
}
