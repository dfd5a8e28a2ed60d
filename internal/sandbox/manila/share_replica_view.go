package manila

// replicaView is a share replica (manila/api/views/share_replicas.py,
// manila-groups.md §9.2): the host and share server for admins, and
// cast_rules_to_readonly from 2.30 for admins; metadata from 2.95. A
// replica just created shows no replica_state yet.
func (c *call) replicaView(r *shareReplica, detail, fresh bool) object {
	var state any = r.replicaState
	if fresh {
		state = nil
	}
	o := object{{"id", r.id}, {"share_id", r.shareID}, {"status", r.status}, {"replica_state", state}}
	if !detail {
		return o
	}
	created := dbTime(r.createdAt)
	if fresh {
		created = pyTime(r.createdAt)
	}
	var updated *string
	if r.updatedAt != nil {
		updated = strPtr(dbTime(*r.updatedAt))
	}
	var zone *string
	if !fresh {
		zone = &r.availabilityZone
	}
	o = append(o, field{"availability_zone", zone}, field{"created_at", created}, field{"share_network_id", r.shareNetworkID},
		field{"updated_at", updated})
	if c.tok.isAdmin() {
		host := ""
		if r.host != nil && !fresh {
			host = *r.host
		}
		o = append(o, field{"share_server_id", r.shareServerID}, field{"host", host})
		if c.version.atLeast(v230) {
			o = append(o, field{"cast_rules_to_readonly", false})
		}
	}
	if c.version.atLeast(v295) {
		o = append(o, field{"metadata", object{}})
	}
	return o
}
