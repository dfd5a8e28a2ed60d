package sdrs

import (
	"net/http"
	"testing"
)

func TestDomains(t *testing.T) {
	ta := newTestAPI(t)
	res := mustOK(t, ta.do(t, request{method: http.MethodGet, path: "~/active-domains"}))
	domains := res.body["domains"].([]any)
	if len(domains) != 1 {
		t.Fatalf("domains = %v", domains)
	}
	d := domains[0].(map[string]any)
	if d["id"] != DomainID || d["name"] != DomainName ||
		d["local_replication_cluster"].(map[string]any)["availability_zone"] != AZ1 ||
		d["remote_replication_cluster"].(map[string]any)["availability_zone"] != AZ2 {
		t.Fatalf("domain = %v", d)
	}
}
