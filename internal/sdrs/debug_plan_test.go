package sdrs_test

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/hashicorp/terraform-plugin-testing/plancheck"
)

type dumpPlan struct{}

func (dumpPlan) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	for _, rc := range req.Plan.ResourceChanges {
		b, _ := json.MarshalIndent(rc.Change, "", " ")
		fmt.Println(rc.Address, string(b))
	}
}
