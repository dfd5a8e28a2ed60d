package manila

import (
	"net/http"
	"testing"
)

func TestCreateValidation(t *testing.T) {
	f := newFixture(t, Options{})
	missing := fixtureUUID("missing")
	cases := []struct{ name, body, want string }{
		{"no entity", `{"cg": {}}`, "'consistency_group' is missing from the request body."},
		{"entity not an object", `{"consistency_group": []}`, "'consistency_group' is missing from the request body."},
		{"unknown fields", `{"consistency_group": {"zone": "a", "availability": 1}}`, "The fields set([u'availability', u'zone']) are invalid."},
		{"types and source", `{"consistency_group": {"share_types": [], "source_cgsnapshot_id": "` + missing + `"}}`, "Cannot supply both 'share_types' and 'source_cgsnapshot_id' attributes."},
		{"network and source", `{"consistency_group": {"share_network_id": "` + ShareNetworkID + `", "source_cgsnapshot_id": "` + missing + `"}}`,
			"Cannot supply both 'share_network_id' and 'source_cgsnapshot_id' attributes as the share network is inherited from the source."},
		{"types not uuids", `{"consistency_group": {"share_types": ["gold"]}}`, "The 'share_types' attribute must be a list of uuids"},
		{"source not a uuid", `{"consistency_group": {"source_cgsnapshot_id": "x"}}`, "The 'source_cgsnapshot_id' attribute must be a uuid."},
		{"network not a uuid", `{"consistency_group": {"share_network_id": 5, "share_types": ["` + ShareTypeDefaultID + `"]}}`, "The 'share_network_id' attribute must be a uuid."},
		{"unknown type", `{"consistency_group": {"share_types": ["` + missing + `"]}}`, "Share type with id " + missing + " could not be found"},
		{"mixed DHSS", `{"consistency_group": {"share_types": ["` + ShareTypeGoldID + `", "` + ShareTypeDefaultID + `"]}}`,
			"Invalid input received: The specified share_types cannot have conflicting values for the driver_handles_share_servers extra spec."},
		{"DHSS false with a network", `{"consistency_group": {"share_types": ["` + ShareTypeGoldID + `"], "share_network_id": "` + ShareNetworkID + `"}}`,
			"Invalid input received: When using a share types with the driver_handles_share_servers extra spec as False, a share_network_id must not be provided."},
		{"default type needs a network", `{"consistency_group": {"name": "x"}}`,
			"Invalid input received: When using a share type with the driver_handles_share_servers extra spec as True, a share_network_id must be provided."},
		{"unknown network", `{"consistency_group": {"share_network_id": "` + missing + `"}}`, "Invalid input received: The specified share network does not exist."},
		{"unknown source", `{"consistency_group": {"source_cgsnapshot_id": "` + missing + `"}}`, "Consistency group snapshot " + missing + " could not be found."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			expect(t, f.manila(http.MethodPost, "/consistency-groups", f.user, tc.body), http.StatusBadRequest,
				`{"badRequest": {"code": 400, "message": "`+tc.want+`"}}`)
		})
	}
	expect(t, f.manila(http.MethodPost, "/consistency-groups", f.user, `{"consistency_group": `), http.StatusBadRequest,
		`{"badRequest": {"code": 400, "message": "Malformed request body"}}`)
	// No share_types: the default type (with the share network it needs).
	res := f.manila(http.MethodPost, "/consistency-groups", f.user, `{"consistency_group": {"share_network_id": "`+ShareNetworkID+`"}}`)
	expect(t, res, http.StatusAccepted, "")
	if types := obj(t, res, "consistency_group")["share_types"].([]any); len(types) != 1 || types[0] != ShareTypeDefaultID {
		t.Errorf("default types %v", types)
	}
}
