package sdrs

// domainView is one active-active domain.
func domainView() map[string]any {
	return map[string]any{
		"id":                         DomainID,
		"name":                       DomainName,
		"description":                "Active-active domain of the continuity sandbox: " + AZ1 + " and " + AZ2,
		"sold_out":                   false,
		"local_replication_cluster":  map[string]string{"availability_zone": AZ1},
		"remote_replication_cluster": map[string]string{"availability_zone": AZ2},
	}
}
