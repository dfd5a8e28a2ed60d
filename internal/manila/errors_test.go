package manila

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/gophercloud/gophercloud/v2"
)

func respErr(url string, status int, body string, header http.Header) gophercloud.ErrUnexpectedResponseCode {
	return gophercloud.ErrUnexpectedResponseCode{URL: url, Method: http.MethodGet, Actual: status, Body: []byte(body), ResponseHeader: header}
}

func TestAPIErrorDecodesTheFaultForms(t *testing.T) {
	cases := []struct {
		name                   string
		err                    error
		service, code, message string
		hint                   string
	}{
		{
			"manila fault", respErr("http://m/v2/p/consistency-groups/x", 409,
				`{"conflictingRequest": {"code": 409, "message": "Invalid ConsistencyGroup: Cannot delete a consistency group with cgsnapshots"}}`,
				http.Header{"X-Compute-Request-Id": {"req-1"}}),
			serviceManila, "conflictingRequest", "Invalid ConsistencyGroup: Cannot delete a consistency group with cgsnapshots", "",
		},
		{
			"keystone 401 on a manila call", respErr("http://m/v2/p/types", 401,
				`{"error": {"code": 401, "message": "The request you have made requires authentication.", "title": "Unauthorized"}}`, nil),
			serviceManila, "Unauthorized", "The request you have made requires authentication.", "OS_PASSWORD",
		},
		{
			"failed reauthentication", &gophercloud.ErrUnableToReauthenticate{
				ErrOriginal: respErr("http://m/v2/p/types", 401, `{}`, nil),
				ErrReauth: respErr("http://k/v3/auth/tokens", 401,
					`{"error": {"code": 401, "message": "The request you have made requires authentication.", "title": "Unauthorized"}}`, nil),
			},
			serviceKeystone, "Unauthorized", "The request you have made requires authentication.", "OS_PASSWORD",
		},
		{
			"unrouted", respErr("http://m/v2/p/consistency-groups", 404,
				`{"message": "The resource could not be found.<br /><br />\n\n\n", "code": "404 Not Found", "title": "Not Found"}`, nil),
			serviceManila, "Not Found", "The resource could not be found.", "replaced by share groups",
		},
		{"not json", respErr("http://m/v2/p/types", 502, `<html>Bad Gateway</html>`, nil), serviceManila, "", "<html>Bad Gateway</html>", ""},
	}
	for _, tc := range cases {
		err := apiError("GET /x", tc.err)
		var e *apierr.Error
		if !errors.As(err, &e) {
			t.Errorf("%s: %v is no apierr.Error", tc.name, err)
			continue
		}
		if e.Service != tc.service || e.Code != tc.code || e.Message != tc.message || !strings.Contains(e.Advice(), tc.hint) {
			t.Errorf("%s: %+v (advice %q)", tc.name, e, e.Advice())
		}
	}
	if e := apiError("GET /x", respErr("u", 409, `{"conflictingRequest": {"code": 409, "message": "m"}}`, http.Header{"X-Compute-Request-Id": {"req-1"}})); !strings.Contains(e.Error(), "[request req-1]") {
		t.Errorf("request ID missing: %v", e)
	}
}

func TestNotFoundOnlyForNamedObjects(t *testing.T) {
	named := apiError("GET /consistency-groups/x", respErr("u", 404, `{"itemNotFound": {"code": 404, "message": "Consistency group x not found."}}`, nil))
	if !apierr.IsNotFound(notFound("consistency group", "x", named)) {
		t.Error("a named 404 is not a not-found")
	}
	generic := apiError("GET /consistency-groups/x", respErr("u", 404, `{"itemNotFound": {"code": 404, "message": "The resource could not be found."}}`, nil))
	err := notFound("consistency group", "x", generic)
	if apierr.IsNotFound(err) || !strings.Contains(apierr.Detail(err), "experimental header") {
		t.Errorf("a version 404 read as a deletion: %v", apierr.Detail(err))
	}
}
