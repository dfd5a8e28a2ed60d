package astra

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestAppMirrorUpdates(t *testing.T) {
	m := &AppMirror{SourceAppID: "a", SourceClusterID: "ca", DestinationAppID: "b", DestinationClusterID: "cb"}
	rev := ReverseUpdate(m)
	if rev.SourceAppID != "b" || rev.DestinationAppID != "a" || rev.SourceClusterID != "cb" || rev.DestinationClusterID != "ca" || rev.StateDesired != "established" {
		t.Errorf("ReverseUpdate = %+v", rev)
	}
	res := ResyncUpdate(m)
	if res.SourceAppID != "a" || res.DestinationAppID != "b" || res.StateDesired != "established" {
		t.Errorf("ResyncUpdate = %+v", res)
	}
	// A failover sends only what the spec's example sends.
	body, _ := json.Marshal(FailoverUpdate())
	if string(body) != `{"type":"application/astra-appMirror","version":"1.1","stateDesired":"failedOver"}` {
		t.Errorf("failover body = %s", body)
	}
}

func TestUpdateAppMirrorAcceptsABody(t *testing.T) {
	// Real servers answered the PUT with 200 and the resource (astra.md §2.7).
	c, f := newFakeClient(t, func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusOK)
		_, _ = io.WriteString(w, `{"type":"application/astra-appMirror","state":"failingOver","ReplicatedPVCs_":null}`)
	})
	if err := c.UpdateAppMirror(context.Background(), "m1", FailoverUpdate()); err != nil {
		t.Fatal(err)
	}
	r := f.requests[0]
	if r.Method != http.MethodPut || r.URL.Path != "/accounts/acc/k8s/v1/appMirrors/m1" || r.Header.Get("Content-Type") != "application/astra-appMirror+json" {
		t.Errorf("request %s %s %s", r.Method, r.URL.Path, r.Header.Get("Content-Type"))
	}
}

func TestAppMirrorErrors(t *testing.T) {
	c, _ := newFakeClient(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/problem+json")
		if r.Method == http.MethodGet {
			w.WriteHeader(http.StatusNotFound)
			_, _ = io.WriteString(w, `{"type":"https://astra.netapp.io/problems/2","title":"Collection not found","detail":"x","status":"404"}`)
			return
		}
		w.WriteHeader(http.StatusConflict)
		_, _ = io.WriteString(w, `{"type":"https://astra.netapp.io/problems/10","title":"JSON resource conflict","detail":"d","status":"409",
			"invalidFields":[{"name":"sourceAppID","reason":"app is already the source of AppMirror m0"}]}`)
	})
	_, err := c.GetAppMirror(context.Background(), "m1")
	if !apierr.IsNotFound(err) {
		t.Errorf("GetAppMirror on 404: %v", err)
	}
	_, err = c.CreateAppMirror(context.Background(), AppMirrorInput{SourceAppID: "a", DestinationClusterID: "c"})
	var e *apierr.Error
	if !errors.As(err, &e) || e.Code != "problem 10" || !fieldNamed(e, "sourceAppID") {
		t.Fatalf("CreateAppMirror on 409: %v", err)
	}
	var diags diag.Diagnostics
	addAppMirrorError(&diags, "creating", appMirrorResourceModel{ID: types.StringUnknown(), SourceAppID: types.StringValue("a")}, err)
	if len(diags) != 1 || !strings.Contains(diags[0].Detail(), "terraform import continuity_astra_app_mirror") || !strings.Contains(diags[0].Summary(), `for source app "a"`) {
		t.Errorf("diagnostics = %v", diags)
	}
}
