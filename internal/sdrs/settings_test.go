package sdrs

import (
	"strings"
	"testing"
)

func TestSettings(t *testing.T) {
	err := Settings{Region: "cn-north-4"}.Validate()
	if err == nil {
		t.Fatal("no error for missing settings")
	}
	for _, want := range []string{`"project_id" (sdrs.project_id or the HW_PROJECT_ID environment variable)`,
		`"access_key" (sdrs.access_key or the HW_ACCESS_KEY environment variable)`, `"secret_key" (sdrs.secret_key or the HW_SECRET_KEY environment variable)`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q lacks %q", err, want)
		}
	}
	if err := (Settings{ProjectID: "p", AccessKey: "a", SecretKey: "s"}).Validate(); err == nil || !strings.Contains(err.Error(), "HW_REGION_NAME") || !strings.Contains(err.Error(), "HW_SDRS_ENDPOINT") {
		t.Errorf("no region nor endpoint: %v", err)
	}
	for _, tc := range []struct {
		s    Settings
		want string
		err  string
	}{
		{Settings{Region: "cn-north-4"}, "https://sdrs.cn-north-4.myhuaweicloud.com", ""},
		{Settings{Region: "ap-southeast-2"}, "https://sdrs.ap-southeast-3.myhuaweicloud.com", ""}, // the SDK's region table
		{Settings{Region: "eu-west-101"}, "https://sdrs.eu-west-101.myhuaweicloud.com", ""},
		{Settings{Region: "cn-north-4", Endpoint: "http://127.0.0.1:8787/"}, "http://127.0.0.1:8787", ""},
		{Settings{Endpoint: "http://127.0.0.1:8787/sdrs"}, "", "must not have a path"},
		{Settings{Endpoint: "sdrs.example.com"}, "", "not a URL"},
	} {
		got, err := tc.s.EndpointURL()
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%+v: err = %v, want %q", tc.s, err, tc.err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("%+v: %q, %v; want %q", tc.s, got, err, tc.want)
		}
	}
}

// The ECS and VPC endpoints: configured; else the region's; else, with a
// configured SDRS endpoint, its URL with sdrs replaced (or the same host).
func TestServiceEndpoints(t *testing.T) {
	for _, tc := range []struct {
		s        Settings
		ecs, vpc string
		err      string
	}{
		{Settings{Region: "cn-north-4"}, "https://ecs.cn-north-4.myhuaweicloud.com", "https://vpc.cn-north-4.myhuaweicloud.com", ""},
		{Settings{Region: "eu-west-101"}, "https://ecs.eu-west-101.myhuaweicloud.com", "https://vpc.eu-west-101.myhuaweicloud.com", ""},
		{Settings{Endpoint: "https://sdrs.my-cloud.example.com"}, "https://ecs.my-cloud.example.com", "https://vpc.my-cloud.example.com", ""},
		{Settings{Endpoint: "http://127.0.0.1:8787"}, "http://127.0.0.1:8787", "http://127.0.0.1:8787", ""},
		{Settings{Region: "cn-north-4", ECSEndpoint: "https://ecs.internal", VPCEndpoint: "https://vpc.internal/"}, "https://ecs.internal", "https://vpc.internal", ""},
		{Settings{Region: "cn-north-4", ECSEndpoint: "https://ecs.internal/v2"}, "", "", "must not have a path"},
	} {
		ecs, err := tc.s.ECSEndpointURL()
		vpc, verr := tc.s.VPCEndpointURL()
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) || !strings.Contains(err.Error(), "HW_ECS_ENDPOINT") {
				t.Errorf("%+v: err = %v, want %q naming HW_ECS_ENDPOINT", tc.s, err, tc.err)
			}
			continue
		}
		if err != nil || verr != nil || ecs != tc.ecs || vpc != tc.vpc {
			t.Errorf("%+v: %q %q (%v %v), want %q %q", tc.s, ecs, vpc, err, verr, tc.ecs, tc.vpc)
		}
	}
}
