package manila_test

import "testing"

// The snapshot's lifecycle (create, import, rename, restore) is in
// TestAccConsistencyGroup_lifecycle, and its disappearance in
// TestAccConsistencyGroup_disappears: a snapshot needs its group.

func TestAccConsistencyGroupSnapshot_invalidInputRefusedAtPlan(t *testing.T) {
	expectErrors(t, map[string]failing{
		"snapshot of a group that is not a uuid": {
			config:   "resource \"continuity_manila_consistency_group_snapshot\" \"test\" {\n consistency_group_id = \"cg1\"\n}\n",
			want:     `(?s)Attribute consistency_group_id must be a UUID`,
			planOnly: true,
		},
	})
}
