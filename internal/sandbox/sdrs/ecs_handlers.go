package sdrs

import (
	"encoding/json"
	"net/http"
	"strconv"
	"time"
)

// The ECS and VPC calls a client of SDRS needs besides SDRS itself: show a
// server (its flavor, status and disks), stop and start servers (SDRS wants
// servers stopped for a planned failover, a resize and a re-protection),
// and list a server's NICs (VPC ports). They are served on the SDRS port
// with the same AK/SK signature, at the paths of the official SDK
// (services/ecs/v2, services/vpc/v2), in ECS's error format.

// ecsError is an ECS error answer: {"error":{"code","message"}} with
// ECS's codes (Ecs.0114: the server does not exist).
func ecsError(status int, code, message string) *apiError {
	return &apiError{status: status, code: code, message: message}
}

// findServer returns the server of the path, or ECS's 404 Ecs.0114.
func (a *API) findServer(r *http.Request) (*server, *apiError) {
	id := r.PathValue("server_id")
	s, ok := a.servers.Get(id)
	if !ok {
		return nil, ecsError(http.StatusNotFound, "Ecs.0114", "Instance["+id+"] could not be found.")
	}
	return s, nil
}

// showServer answers GET /v1/{project_id}/cloudservers/{server_id}.
func (a *API) showServer(w http.ResponseWriter, r *http.Request, _ []byte, _ time.Time) *apiError {
	s, e := a.findServer(r)
	if e != nil {
		return e
	}
	writeJSON(w, http.StatusOK, map[string]any{"server": a.serverView(s)})
	return nil
}

// serverAction answers POST /v1/{project_id}/cloudservers/action with
// os-stop or os-start for a list of servers. The sandbox applies it at
// once [I]: the servers are SHUTOFF (or ACTIVE) when it answers, and the
// job it names has ended.
func (a *API) serverAction(w http.ResponseWriter, _ *http.Request, body []byte, now time.Time) *apiError {
	var req map[string]*struct {
		Servers []struct {
			ID string `json:"id"`
		} `json:"servers"`
		Type string `json:"type"`
	}
	if err := json.Unmarshal(body, &req); err != nil || len(req) != 1 {
		return ecsError(http.StatusBadRequest, "Ecs.0005", "Invalid request body: one of os-stop or os-start is required")
	}
	var status, jobType string
	var servers []*server
	for action, opt := range req {
		switch action {
		case "os-stop":
			status, jobType = serverShutoff, "batchStopServers"
		case "os-start":
			status, jobType = serverActive, "batchStartServers"
		default:
			return ecsError(http.StatusBadRequest, "Ecs.0005", "Unsupported action "+strconv.Quote(action))
		}
		if opt == nil || len(opt.Servers) == 0 {
			return ecsError(http.StatusBadRequest, "Ecs.0005", action+".servers is required")
		}
		for _, ref := range opt.Servers {
			s, ok := a.servers.Get(ref.ID)
			if !ok {
				return ecsError(http.StatusNotFound, "Ecs.0114", "Instance["+ref.ID+"] could not be found.")
			}
			servers = append(servers, s)
		}
	}
	for _, s := range servers {
		s.status = status
	}
	j := &job{id: randomHex(), jobType: jobType, begin: now, end: now, finished: true, entities: map[string]string{}}
	a.jobs.Add(j)
	writeJobID(w, j)
	return nil
}

// listPorts answers GET /v1/{project_id}/ports with the filters device_id,
// network_id and id, and marker/limit paging.
func (a *API) listPorts(w http.ResponseWriter, r *http.Request, _ []byte, _ time.Time) *apiError {
	q := r.URL.Query()
	limit := 2000
	if s := q.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > 2000 {
			return ecsError(http.StatusBadRequest, "VPC.0101", "limit must be an integer from 1 to 2000")
		}
		limit = n
	}
	ports := a.ports.Filter(func(p *port) bool {
		switch {
		case q.Has("device_id") && p.deviceID != q.Get("device_id"):
		case q.Has("network_id") && p.networkID != q.Get("network_id"):
		case q.Has("id") && p.id != q.Get("id"):
		default:
			return true
		}
		return false
	})
	if m := q.Get("marker"); m != "" {
		for i, p := range ports {
			if p.id == m {
				ports = ports[i+1:]
				break
			}
		}
	}
	views := make([]map[string]any, 0, len(ports))
	for _, p := range ports[:min(len(ports), limit)] {
		views = append(views, a.portView(p))
	}
	writeJSON(w, http.StatusOK, map[string]any{"ports": views})
	return nil
}
