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
