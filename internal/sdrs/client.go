// Package sdrs is the Huawei Cloud Storage Disaster Recovery Service (SDRS)
// backend: a client over the official SDK (huaweicloud-sdk-go-v3,
// services/sdrs/v1), which builds, signs (AK/SK) and decodes the requests,
// and the resources and data sources built on it.
//
// The API facts it relies on are in ../shared/specs beside the repository;
// comments cite them as "sdrs.md §N".
package sdrs

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth/basic"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/config"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/impl"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/sdkerr"
	ecsv2 "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/ecs/v2"
	sdrsv1 "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/sdrs/v1"
	vpcv2 "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/vpc/v2"
)

// serviceName names the API in errors.
const serviceName = "Huawei Cloud SDRS"

// Client calls the SDRS API of one project through the official SDK.
//
// The SDK takes no context.Context: it builds each *http.Request itself,
// with context.Background(), and hands it to the http.RoundTripper of its
// configuration. Client therefore builds a light SDK client per call whose
// round tripper first attaches the call's context to the request and then
// passes it to the provider's shared transport (retries, logging, pooled
// connections). The context thus reaches every layer: the resource's
// timeout bounds the call and its retries, cancellation (Ctrl-C) aborts the
// connection, and tflog writes the request log to Terraform's provider log
// (tflog needs the context Terraform gave the provider). Only the SDK's
// small request/client structs are per call; connections are shared. The
// alternative of a per-call header for a context registry was rejected: the
// SDK signs every header it sets, so such a header would reach the API.
type Client struct {
	endpoint  string
	projectID string
	// ecsEndpoint and vpcEndpoint are where the protected servers and
	// their NICs are read (Settings.ECSEndpointURL).
	ecsEndpoint string
	vpcEndpoint string
	cred        *basic.Credentials
	// httpConfig is copied for each call; its RoundTripper is set there.
	httpConfig config.HttpConfig
	transport  http.RoundTripper
}

// NewClient returns a client for settings that Settings.Validate accepted.
// transport is the provider's HTTP stack; it must not rewrite the
// User-Agent, which the SDK signs: userAgent is given to the SDK instead.
func NewClient(s Settings, transport http.RoundTripper, userAgent string) (*Client, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	endpoint, err := s.EndpointURL()
	if err != nil {
		return nil, err
	}
	ecsEndpoint, err := s.ECSEndpointURL()
	if err != nil {
		return nil, err
	}
	vpcEndpoint, err := s.VPCEndpointURL()
	if err != nil {
		return nil, err
	}
	cred, err := basic.NewCredentialsBuilder().WithAk(s.AccessKey).WithSk(s.SecretKey).WithProjectId(s.ProjectID).SafeBuild()
	if err != nil {
		return nil, fmt.Errorf("SDRS credentials: %w", err)
	}
	// A User-Agent keeps the SDK from writing ~/.huaweicloud/application_id.
	// No overall timeout: the call's context bounds it, retries included.
	hc := config.DefaultHttpConfig().WithUserAgent(userAgent).WithTimeout(0)
	return &Client{endpoint: endpoint, ecsEndpoint: ecsEndpoint, vpcEndpoint: vpcEndpoint, projectID: s.ProjectID, cred: cred,
		httpConfig: *hc, transport: transport}, nil
}

// ProjectID returns the project the client works in.
func (c *Client) ProjectID() string { return c.projectID }

// sdk returns an SDK client whose requests carry ctx.
func (c *Client) sdk(ctx context.Context) *sdrsv1.SdrsClient {
	return sdrsv1.NewSdrsClient(c.hcClient(c.endpoint, contextTransport{ctx: ctx, next: c.transport}))
}

// sdkRaw is sdk whose answers' bodies are also kept, for the fields the
// SDK's models lack (a DR drill job's entity, sdrs.md §23): the bodies
// read back from the round tripper, as the server sent them.
func (c *Client) sdkRaw(ctx context.Context) (*sdrsv1.SdrsClient, *rawBodies) {
	raw := &rawBodies{}
	return sdrsv1.NewSdrsClient(c.hcClient(c.endpoint, contextTransport{ctx: ctx, next: c.transport, raw: raw})), raw
}

// ecs and vpc return SDK clients of ECS and VPC, which the protected
// instances' servers and NICs are read from.
func (c *Client) ecs(ctx context.Context) *ecsv2.EcsClient {
	return ecsv2.NewEcsClient(c.hcClient(c.ecsEndpoint, contextTransport{ctx: ctx, next: c.transport}))
}

func (c *Client) vpc(ctx context.Context) *vpcv2.VpcClient {
	return vpcv2.NewVpcClient(c.hcClient(c.vpcEndpoint, contextTransport{ctx: ctx, next: c.transport}))
}

// hcClient is the SDK's HTTP client of endpoint on the round tripper rt.
func (c *Client) hcClient(endpoint string, rt http.RoundTripper) *core.HcHttpClient {
	cfg := c.httpConfig
	cfg.RoundTripper = rt
	return core.NewHcHttpClient(impl.NewDefaultHttpClient(&cfg)).
		WithEndpoints([]string{endpoint}).
		WithCredential(c.cred)
}

// rawBodies keeps the bodies of the answers of one SDK client, the last
// one last.
type rawBodies struct{ bodies [][]byte }

// last returns the body of the last answer, or nil.
func (r *rawBodies) last() []byte {
	if len(r.bodies) == 0 {
		return nil
	}
	return r.bodies[len(r.bodies)-1]
}

// contextTransport attaches a call's context to the requests the SDK built.
//
// The SDK hands a transport error back as it got it (with one endpoint, as
// here, it joins no messages): the *url.Error of net/http, which wraps the
// connection's error, so that adopt.Unsure recognises a connection lost
// after the request was sent (TestLostAnswersAreUnsure checks it under the
// sandbox's reset_after fault). Retries (a GET or PUT answered 500, 502,
// 503 or 504) are the shared transport's.
type contextTransport struct {
	// ctx is one call's context, held for the SDK that takes none; see Client.
	ctx  context.Context
	next http.RoundTripper
	// raw, when set, keeps a copy of every answer's body.
	raw *rawBodies
}

func (t contextTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := t.next.RoundTrip(r.WithContext(t.ctx))
	if err != nil || t.raw == nil {
		return resp, err
	}
	body, err := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	if err != nil {
		return nil, err
	}
	t.raw.bodies = append(t.raw.bodies, body)
	resp.Body = io.NopCloser(bytes.NewReader(body))
	return resp, nil
}

// operation names an API call in errors, e.g. "POST /v1/{project_id}/server-groups".
type operation string

// apiError turns an SDK error into an *apierr.Error with the API's own code,
// message and request ID, and a hint; other errors (connection, context)
// are wrapped with the operation.
func apiError(op operation, err error) error {
	if err == nil {
		return nil
	}
	var sre *sdkerr.ServiceResponseError
	if errors.As(err, &sre) {
		e := &apierr.Error{Service: serviceName, Operation: string(op), StatusCode: sre.StatusCode,
			Code: sre.ErrorCode, Message: sre.ErrorMessage, RequestID: sre.RequestId}
		e.Hint = hint(e)
		return e
	}
	return fmt.Errorf("%s API %s: %w", serviceName, op, err)
}

// hint says what to do about an SDRS error code that any object may meet;
// the resources' add<Object>Error helpers add the advice of their own.
func hint(e *apierr.Error) string {
	switch e.Code {
	case "APIGW.0301":
		return "The request's AK/SK signature was refused: check the access key and secret key (sdrs.access_key / HW_ACCESS_KEY, " +
			"sdrs.secret_key / HW_SECRET_KEY), and that this machine's clock is within 15 minutes of the real time (requests are signed with it)."
	case "APIGW.0101":
		return "The endpoint does not serve the SDRS API: check sdrs.endpoint / HW_SDRS_ENDPOINT, or the region (sdrs.region / HW_REGION_NAME)."
	case "SDRS.0001", "SDRS.0002", "SDRS.0003", "SDRS.0004", "SDRS.0005":
		return "Check the project ID (sdrs.project_id / HW_PROJECT_ID): it must be a project of the region the access key may use."
	case "SDRS.1002", "SDRS.1017", "SDRS.1018", "SDRS.1019", "SDRS.1020", "SDRS.1021", "SDRS.1022", "SDRS.1023", "SDRS.1024", "SDRS.0209", "SDRS.0214", "SDRS.1601":
		return "The protection group or replication pair is in a status that does not allow this operation (another operation may be under way); " +
			"check its status with terraform refresh or the console, then apply again."
	}
	return ""
}
