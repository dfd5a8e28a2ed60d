package sdrs

import (
	"context"
	"fmt"
	"net/http"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/continuity-dr/terraform-provider-continuity/internal/conv"
	ecsmodel "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/ecs/v2/model"
	vpcmodel "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/vpc/v2/model"
)

// SDRS reports neither the flavors nor the NICs of a protected instance's
// servers (sdrs.md §9.3), yet it changes them (resize, NICs, §11–§12) and
// needs servers stopped for a planned failover, a re-protection and a
// resize (§1.7, §12, §15). The provider reads them where they are: the
// servers from ECS (ShowServer), their NICs from VPC (ListPorts by
// device), with the official SDK's services/ecs/v2 and services/vpc/v2
// on the same transport and credentials.

const (
	opShowServer operation = "GET /v1/{project_id}/cloudservers/{server_id} (ECS)"
	opListPorts  operation = "GET /v1/{project_id}/ports (VPC)"
)

// ECS server statuses SDRS acts on.
const (
	serverActive  = "ACTIVE"
	serverShutoff = "SHUTOFF"
)

// Server is an ECS server as ECS returns it.
type Server = ecsmodel.ServerDetail

// Port is a NIC (a VPC port) as VPC returns it.
type Port = vpcmodel.Port

// GetServer reads an ECS server; a missing one (ECS answers 404) gives
// apierr.NotFoundError.
func (c *Client) GetServer(ctx context.Context, id string) (*Server, error) {
	resp, err := c.ecs(ctx).ShowServer(&ecsmodel.ShowServerRequest{ServerId: id})
	if err != nil {
		err = apiError(opShowServer, err)
		if apierr.StatusCode(err) == http.StatusNotFound {
			return nil, apierr.NotFound("server", id, err)
		}
		return nil, err
	}
	if resp.Server == nil {
		return nil, fmt.Errorf("%s API %s: the answer has no server", serviceName, opShowServer)
	}
	return resp.Server, nil
}

// portsPage is the page size of the ports of a server.
const portsPage int32 = 200

// ServerPorts lists the NICs of a server, every page (marker paging).
func (c *Client) ServerPorts(ctx context.Context, serverID string) ([]Port, error) {
	var out []Port
	limit := portsPage
	var marker *string
	for {
		resp, err := c.vpc(ctx).ListPorts(&vpcmodel.ListPortsRequest{DeviceId: &serverID, Limit: &limit, Marker: marker})
		if err != nil {
			return nil, apiError(opListPorts, err)
		}
		if resp.Ports == nil || len(*resp.Ports) == 0 {
			return out, nil
		}
		out = append(out, *resp.Ports...)
		if int32(len(*resp.Ports)) < limit {
			return out, nil
		}
		last := (*resp.Ports)[len(*resp.Ports)-1].Id
		marker = &last
	}
}

// serverFlavor returns the flavor ID of a server, or "".
func serverFlavor(s *Server) string {
	if s == nil || s.Flavor == nil {
		return ""
	}
	return s.Flavor.Id
}

// primaryPort returns the primary NIC among ports (binding:vif_details),
// or nil.
func primaryPort(ports []Port) *Port {
	for i := range ports {
		if d := ports[i].BindingvifDetails; d != nil && conv.Deref(d.PrimaryInterface) {
			return &ports[i]
		}
	}
	return nil
}

// portIP returns a port's first fixed IP, or "".
func portIP(p *Port) string {
	if p == nil || len(p.FixedIps) == 0 {
		return ""
	}
	return conv.Deref(p.FixedIps[0].IpAddress)
}
