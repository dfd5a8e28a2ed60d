package sdrs

// drillView is the disaster_recovery_drill object (sdrs.md §14.3).
type drillView struct {
	ID            string              `json:"id"`
	Name          string              `json:"name"`
	Status        string              `json:"status"`
	DrillVPCID    string              `json:"drill_vpc_id"`
	CreatedAt     string              `json:"created_at"`
	UpdatedAt     string              `json:"updated_at"`
	ServerGroupID string              `json:"server_group_id"`
	DrillServers  []map[string]string `json:"drill_servers"`
}

func drillViewOf(d *drill) drillView {
	servers := make([]map[string]string, 0, len(d.servers))
	for _, s := range d.servers {
		servers = append(servers, map[string]string{"protected_instance": s.instanceID, "drill_server_id": s.serverID})
	}
	return drillView{ID: d.id, Name: d.name, Status: d.status, DrillVPCID: d.vpcID, ServerGroupID: d.groupID,
		CreatedAt: d.createdAt.UTC().Format(instanceTimeFormat), UpdatedAt: d.updatedAt.UTC().Format(instanceTimeFormat), DrillServers: servers}
}
